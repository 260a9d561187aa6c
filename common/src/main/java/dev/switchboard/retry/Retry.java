package dev.switchboard.retry;

import dev.switchboard.error.Action;
import dev.switchboard.error.HeldBackException;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.SwitchboardException;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Re-runs a deferred provider call on {@link Action#RETRY} and {@link Action#RATE_LIMITED}
 * failures, honouring {@code Retry-After}, until the policy's attempts or the command's deadline
 * run out. The call must be cold (built with {@code Single.defer}) so that every attempt
 * re-authenticates and re-signs.
 */
public final class Retry {
  private final RetryPolicy policy;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Consumer<ProviderCallException> onRetry;

  public Retry(
      RetryPolicy policy,
      Scheduler scheduler,
      Clock clock,
      Consumer<ProviderCallException> onRetry) {
    this.policy = policy;
    this.scheduler = scheduler;
    this.clock = clock;
    this.onRetry = onRetry;
  }

  /**
   * @param idempotent false for writes: then only throttling (the provider refused the call, so it
   *     was not applied) is retried, never a failure whose outcome is unknown
   * @param deadline no attempt starts after it; null for none
   */
  public <T> Single<T> apply(Single<T> call, boolean idempotent, Instant deadline) {
    Single<T> retried = call.retryWhen(errors -> decide(errors, idempotent, deadline, () -> false));
    return idempotent ? retried : retried.onErrorResumeNext(e -> Single.error(unknownOutcome(e)));
  }

  /**
   * A streamed read (one provider answer parsed as it arrives), retried like {@link #apply} but
   * only while it has emitted nothing: once records went out, a second attempt would repeat them.
   */
  public <T> Flowable<T> applyUntilFirst(Flowable<T> call, Instant deadline) {
    return Flowable.defer(
        () -> {
          boolean[] emitted = {false};
          return call.doOnNext(x -> emitted[0] = true)
              .retryWhen(errors -> decide(errors, true, deadline, () -> emitted[0]));
        });
  }

  private Flowable<Long> decide(
      Flowable<Throwable> errors,
      boolean idempotent,
      Instant deadline,
      java.util.function.BooleanSupplier tooLate) {
    int[] attempt = {0};
    Instant[] refusedSince = {null};
    return errors.flatMap(
        e -> {
          // A call the connection's gate held back (breaker open, throttling pause) was never sent:
          // it does not use up an attempt. It waits until the deadline, or, without one, for the
          // longest backoff (then it fails, retryable: PROVIDER_UNAVAILABLE or RATE_LIMITED).
          boolean refused = e instanceof HeldBackException;
          if (!refused) {
            attempt[0]++;
          } else if (refusedSince[0] == null) {
            refusedSince[0] = clock.instant();
          }
          if (!(e instanceof ProviderCallException p)
              || attempt[0] >= policy.maxAttempts()
              || !retryable(p, idempotent)
              || tooLate.getAsBoolean()
              || refused
                  && deadline == null
                  && !clock.instant().isBefore(refusedSince[0].plus(policy.maxDelay()))) {
            return Flowable.error(e);
          }
          Duration wait = delay(p, attempt[0]);
          if (deadline != null && clock.instant().plus(wait).isAfter(deadline)) {
            return Flowable.error(e);
          }
          onRetry.accept(p);
          return Flowable.timer(wait.toMillis(), TimeUnit.MILLISECONDS, scheduler);
        });
  }

  /**
   * A write that failed in a way that does not say whether it was applied (timeout, lost
   * connection, 5xx) must not invite a blind re-send: reported as not retryable.
   */
  private static Throwable unknownOutcome(Throwable e) {
    if (e instanceof ProviderCallException p
        && p.action() == Action.RETRY
        && !NEVER_SENT.equals(p.code())) {
      return new SwitchboardException(
          "WRITE_OUTCOME_UNKNOWN",
          p.category(),
          "the write may or "
              + "may not have been applied ("
              + p.getMessage()
              + "); check before sending it again",
          false,
          p.provider(),
          null,
          p);
    }
    return e;
  }

  private static boolean retryable(ProviderCallException p, boolean idempotent) {
    return p.action() == Action.RATE_LIMITED
        || idempotent && p.action() == Action.RETRY
        || NEVER_SENT.equals(p.code()); // a refused connection carried no request
  }

  /** The transport code of a refused connection: the provider never saw the call. */
  private static final String NEVER_SENT = "PROVIDER_UNREACHABLE";

  private Duration delay(ProviderCallException p, int attempt) {
    if (p.retryAfter() != null) {
      // The provider (or the breaker) said when: wait exactly that long, never less (a re-send
      // before it is what a throttling provider punishes); the deadline check above bounds it.
      return p.retryAfter();
    }
    return policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
  }
}
