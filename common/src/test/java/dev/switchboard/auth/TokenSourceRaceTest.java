package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Forces the race between reading the state and starting the login: a caller is paused inside
 * {@code token()} (at its clock read) while another caller starts the login. Deterministic: the
 * pause is a latch, not a sleep.
 */
class TokenSourceRaceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock that stops the thread named {@code pausedThread} at its first read. */
  private static final class PausingClock extends Clock {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile Thread pausedThread;

    @Override
    public Instant instant() {
      if (Thread.currentThread() == pausedThread && reached.getCount() > 0) {
        reached.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return T0;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void callerThatSawNoLoginJoinsTheOneStartedMeanwhile() throws Exception {
    PausingClock clock = new PausingClock();
    Logins logins = new Logins();
    TokenSource<String> source = new TokenSource<>(logins, clock);
    AtomicReference<TestObserver<String>> late = new AtomicReference<>();
    Thread slow = new Thread(() -> late.set(source.token().test()), "slow-caller");
    clock.pausedThread = slow;

    slow.start();
    assertThat(clock.reached.await(10, TimeUnit.SECONDS)).isTrue(); // it read the empty state
    TestObserver<String> first = source.token().test(); // starts the login
    assertThat(logins.count()).isEqualTo(1);
    clock.release.countDown();
    slow.join(10_000);
    assertThat(slow.isAlive()).isFalse();

    assertThat(logins.count()).as("the slow caller joined, it did not log in again").isEqualTo(1);
    logins.succeed(1, "t1", null, null);
    first.assertValue("t1");
    late.get().assertValue("t1");
  }
}
