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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final TestScheduler scheduler = new TestScheduler();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<ProviderCallException> retried = new ArrayList<>();
  private final Retry retry =
      new Retry(
          new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(10)),
          scheduler,
          clock,
          retried::add);
  private final AtomicInteger attempts = new AtomicInteger();

  private static ProviderCallException failure(Action action, Duration retryAfter) {
    return new ProviderCallException(
        new Resolution(action, Category.PROVIDER, "E"), "e", null, retryAfter, null);
  }

  /** A cold call failing with {@code e} on every attempt. */
  private Single<String> failing(ProviderCallException e) {
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
  void retriesRetryFailuresUpToMaxAttemptsWithGrowingBackoff() {
    ProviderCallException e = failure(Action.RETRY, null);
    List<Long> times = new ArrayList<>();
    Single<String> call =
        Single.defer(
            () -> {
              times.add(scheduler.now(TimeUnit.MILLISECONDS));
              return Single.error(e);
            });

    TestObserver<String> o = retry.apply(call, true, null).test();
    assertThat(times).hasSize(1);
    assertThat(retried).as("onRetry runs when a retry is scheduled").hasSize(1);
    o.assertNotComplete().assertNoErrors();

    advance(60_000);

    o.assertError(e);
    assertThat(times).hasSize(4);
    // Backoff before attempt n+1 lies in [base/2, base], base = 100ms * 2^(n-1).
    long[] bases = {100, 200, 400};
    for (int i = 0; i < bases.length; i++) {
      assertThat(times.get(i + 1) - times.get(i))
          .as("wait before attempt %d", i + 2)
          .isBetween(bases[i] / 2, bases[i]);
    }
    assertThat(retried).hasSize(3).containsOnly(e);
  }

  @Test
  void noAttemptBeforeTheShortestBackoff() {
    retry.apply(failing(failure(Action.RETRY, null)), true, null).test();
    advance(49); // first backoff is at least 50ms
    assertThat(attempts.get()).isEqualTo(1);
    advance(51); // and at most 100ms
    assertThat(attempts.get()).isEqualTo(2);
  }

  @Test
  void succeedsWhenALaterAttemptSucceeds() {
    Single<String> call =
        Single.defer(
            () ->
                attempts.incrementAndGet() < 3
                    ? Single.error(failure(Action.RETRY, null))
                    : Single.just("ok"));
    TestObserver<String> o = retry.apply(call, true, null).test();

    advance(1_000);

    o.assertResult("ok");
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(retried).hasSize(2);
  }

  @Test
  void failActionIsNotRetried() {
    ProviderCallException e = failure(Action.FAIL, null);
    retry.apply(failing(e), true, null).test().assertError(e);
    advance(60_000);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(retried).isEmpty();
  }

  @Test
  void otherExceptionsAreNotRetried() {
    IllegalStateException bug = new IllegalStateException();
    Single<String> call =
        Single.defer(
            () -> {
              attempts.incrementAndGet();
              return Single.error(bug);
            });
    retry.apply(call, true, null).test().assertError(bug);
    advance(60_000);
    assertThat(attempts.get()).isEqualTo(1);
  }

  @Test
  void nonIdempotentCallIsNotRetriedOnRetryFailureAndReportsAnUnknownOutcome() {
    ProviderCallException e = failure(Action.RETRY, null);
    retry
        .apply(failing(e), false, null)
        .test()
        .assertError(
            t ->
                t instanceof dev.switchboard.error.SwitchboardException s
                    && s.code().equals("WRITE_OUTCOME_UNKNOWN")
                    && !s.retryable()
                    && s.getCause() == e);
    advance(60_000);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(retried).isEmpty();
  }

  @Test
  void nonIdempotentCallIsRetriedWhenRateLimited() {
    ProviderCallException e = failure(Action.RATE_LIMITED, null);
    TestObserver<String> o = retry.apply(failing(e), false, null).test();
    advance(60_000);
    assertThat(attempts.get()).isEqualTo(4);
    o.assertError(e);
  }

  @Test
  void authExpiryIsLeftToTheTokenSource() {
    ProviderCallException e = failure(Action.REFRESH_AUTH_THEN_RETRY, null);
    retry.apply(failing(e), true, null).test().assertError(e);
    advance(60_000);
    assertThat(attempts.get()).isEqualTo(1);
  }
}
