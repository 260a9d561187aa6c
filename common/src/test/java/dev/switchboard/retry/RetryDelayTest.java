package dev.switchboard.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.testing.MutableClock;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry-After, the delay cap, deadlines and the backoff formula. */
class RetryDelayTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final TestScheduler scheduler = new TestScheduler();
  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger retries = new AtomicInteger();
  private final Retry retry =
      new Retry(
          new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(30)),
          scheduler,
          clock,
          e -> retries.incrementAndGet());
  private final AtomicInteger attempts = new AtomicInteger();

  private Single<String> throttled(Duration retryAfter) {
    ProviderCallException e =
        new ProviderCallException(
            new Resolution(Action.RATE_LIMITED, Category.RATE_LIMITED, "PROVIDER_RATE_LIMITED"),
            "slow down",
            null,
            retryAfter,
            null);
    return Single.defer(
        () -> {
          attempts.incrementAndGet();
          return Single.error(e);
        });
  }

  private void advance(long millis) {
    clock.advance(Duration.ofMillis(millis));
    scheduler.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
  }

  @Test
  void retryAfterIsWaitedExactly() {
    retry.apply(throttled(Duration.ofSeconds(5)), false, null).test();
    assertThat(retries.get()).isEqualTo(1);

    advance(4_999);
    assertThat(attempts.get()).isEqualTo(1);
    advance(1);
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(retries.get()).as("second retry scheduled").isEqualTo(2);
    advance(5_000);
    assertThat(attempts.get()).as("third and last attempt").isEqualTo(3);
    assertThat(retries.get()).isEqualTo(2);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffCapIsWaitedInFull() {
    // Not cut to the 30 s backoff cap: re-sending early is what throttling providers punish.
    retry.apply(throttled(Duration.ofSeconds(120)), false, null).test();

    advance(30_000);
    assertThat(attempts.get()).isEqualTo(1);
    advance(89_999);
    assertThat(attempts.get()).isEqualTo(1);
    advance(1);
    assertThat(attempts.get()).isEqualTo(2);
  }

  @Test
  void noRetryWhenTheWaitWouldPassTheDeadline() {
    Throwable[] failure = new Throwable[1];
    retry
        .apply(throttled(Duration.ofSeconds(5)), false, T0.plusSeconds(4))
        .subscribe(v -> {}, e -> failure[0] = e);

    assertThat(failure[0]).isInstanceOf(ProviderCallException.class); // at once
    advance(60_000);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(retries.get()).isZero();
    // With the provider's hint for the caller.
    var info = dev.switchboard.error.ErrorInfo.of(failure[0]);
    assertThat(info.category()).isEqualTo(Category.RATE_LIMITED);
    assertThat(info.retryAfterMs()).isEqualTo(5_000L);
    assertThat(info.toJson().path("retryAfterMs").asLong()).isEqualTo(5_000L);
  }

  @Test
  void retryStopsOnceTheDeadlineComesCloser() {
    // Deadline at 7s: the retry at 5s is allowed, the next one (at 10s) is not.
    TestObserver<String> o =
        retry.apply(throttled(Duration.ofSeconds(5)), false, T0.plusSeconds(7)).test();

    advance(5_000);
    assertThat(attempts.get()).isEqualTo(2);
    o.assertError(ProviderCallException.class);
    advance(60_000);
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(retries.get()).isEqualTo(1);
  }

  @Test
  void attemptLandingExactlyOnTheDeadlineIsAllowed() {
    retry.apply(throttled(Duration.ofSeconds(5)), false, T0.plusSeconds(5)).test();
    advance(5_000);
    assertThat(attempts.get()).isEqualTo(2);
  }

  @Test
  void backoffDoublesIsCappedAndJittersBetweenHalfAndFull() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(1));
    assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoff(2, 1.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(600));
    assertThat(p.backoff(4, 1.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(60, 1.0)).isEqualTo(Duration.ofSeconds(1));
  }
}
