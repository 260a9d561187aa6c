package dev.switchboard.retry;

import java.time.Duration;

/**
 * Bounded exponential backoff with "equal" jitter: each wait is between half and all of the
 * exponential step, so retries of many commands spread out but never come back too early.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialDelay delay before the second attempt (before jitter)
 * @param maxDelay upper bound of one backoff delay; a {@code Retry-After} is waited in full
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30));

  /** Delay before attempt {@code attempt + 1} (attempt counts from 1); jitter in [0.5, 1]. */
  public Duration backoff(int attempt, double random) {
    long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + random / 2)));
  }
}
