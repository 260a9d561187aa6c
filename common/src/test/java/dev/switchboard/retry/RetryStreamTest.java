package dev.switchboard.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.testing.MutableClock;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A streamed answer is retried only while nothing has been emitted. */
class RetryStreamTest {
  private final TestScheduler scheduler = new TestScheduler();
  private final Retry retry =
      new Retry(
          new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5)),
          scheduler,
          new MutableClock(Instant.EPOCH),
          e -> {});
  private final AtomicInteger attempts = new AtomicInteger();
  private static final ProviderCallException CUT =
      new ProviderCallException(
          Resolution.retry(Category.TRANSIENT, "PROVIDER_CONNECTION_LOST"),
          "cut",
          null,
          null,
          null);

  @Test
  void aFailureBeforeTheFirstItemIsRetried() {
    Flowable<Integer> call =
        Flowable.defer(
            () -> attempts.incrementAndGet() < 3 ? Flowable.error(CUT) : Flowable.just(1, 2));
    var ts = retry.applyUntilFirst(call, null).test();
    scheduler.advanceTimeBy(10, TimeUnit.SECONDS);
    ts.assertValues(1, 2).assertComplete();
    assertThat(attempts.get()).isEqualTo(3);
  }

  @Test
  void aFailureAfterItemsWentOutIsNotRetried() {
    Flowable<Integer> call =
        Flowable.defer(
            () -> {
              attempts.incrementAndGet();
              return Flowable.just(1, 2).concatWith(Flowable.error(CUT));
            });
    var ts = retry.applyUntilFirst(call, null).test();
    scheduler.advanceTimeBy(10, TimeUnit.SECONDS);
    ts.assertValues(1, 2).assertError(CUT);
    assertThat(attempts.get()).isEqualTo(1);
  }

  @Test
  void aWriteWhoseConnectionWasRefusedIsRetriedBecauseItWasNeverSent() {
    ProviderCallException refused =
        new ProviderCallException(
            Resolution.retry(Category.TRANSIENT, "PROVIDER_UNREACHABLE"),
            "refused",
            null,
            null,
            null);
    var call =
        io.reactivex.rxjava3.core.Single.defer(
            () ->
                attempts.incrementAndGet() < 2
                    ? io.reactivex.rxjava3.core.Single.<String>error(refused)
                    : io.reactivex.rxjava3.core.Single.just("done"));
    var ts = retry.apply(call, false, null).test();
    scheduler.advanceTimeBy(10, TimeUnit.SECONDS);
    ts.assertValue("done");
    assertThat(attempts.get()).isEqualTo(2);
  }
}
