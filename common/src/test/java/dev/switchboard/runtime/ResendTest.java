package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Transient refusals are retried with a growing backoff, for as long as it takes; others not. */
class ResendTest {
  private final List<Long> delays = new ArrayList<>();
  private final List<Runnable> timers = new ArrayList<>();
  private final List<Throwable> retried = new ArrayList<>();
  private final Resend resend =
      new Resend(
          (ms, task) -> {
            delays.add(ms);
            timers.add(task);
          },
          retried::add);

  @Test
  void retriesTransientRefusalsWithABackoffThatGrowsToItsCap() {
    int[] attempts = {0};
    Future<Void> done =
        resend.untilAcked(
            () ->
                ++attempts[0] < 10
                    ? Future.failedFuture(new TimeoutException("broker down"))
                    : Future.succeededFuture());
    while (!timers.isEmpty()) {
      timers.remove(0).run();
    }
    assertThat(done.succeeded()).isTrue();
    assertThat(attempts[0]).isEqualTo(10);
    assertThat(retried).hasSize(9);
    assertThat(delays)
        .startsWith(100L, 200L, 400L)
        .endsWith(Resend.MAX_BACKOFF_MS)
        .allMatch(d -> d <= Resend.MAX_BACKOFF_MS);
  }

  @Test
  void aRefusalForGoodEndsAtOnce() {
    Future<Void> done =
        resend.untilAcked(() -> Future.failedFuture(new RecordTooLargeException("too big")));
    assertThat(done.cause()).isInstanceOf(RecordTooLargeException.class);
    assertThat(timers).isEmpty();
  }

  @Test
  void causesAreLookedThrough() {
    assertThat(Resend.retriable(new RuntimeException(new TimeoutException("x")))).isTrue();
    assertThat(Resend.retriable(new IllegalStateException("closed"))).isFalse();
  }

  @Test
  void cancellingEndsTheRetriesWithCancelled() {
    Future<Void> done = resend.untilAcked(() -> Future.failedFuture(new TimeoutException("down")));
    resend.cancel();
    timers.remove(0).run();
    assertThat(done.cause()).isInstanceOf(Resend.Cancelled.class);
  }
}
