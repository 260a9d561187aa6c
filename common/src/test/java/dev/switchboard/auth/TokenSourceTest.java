package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.MutableClock;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenSourceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final Logins logins = new Logins();
  private final TokenSource<String> source = new TokenSource<>(logins, clock);

  private Instant at(Duration d) {
    return T0.plus(d);
  }

  @Test
  void concurrentCallersOnAColdSourceShareOneLogin() {
    List<TestObserver<String>> waiters = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      waiters.add(source.token().test());
    }
    assertThat(logins.count()).isEqualTo(1);
    waiters.forEach(TestObserver::assertEmpty);

    logins.succeed(1, "t1", null, at(Duration.ofHours(1)));

    waiters.forEach(w -> w.assertValue("t1").assertComplete());
    source.token().test().assertValue("t1");
    assertThat(logins.count()).isEqualTo(1);
  }

  @Test
  void callersOnManyThreadsShareOneLogin() throws Exception {
    int n = 100;
    List<TestObserver<String>> waiters = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < n; i++) {
        pool.execute(
            () -> {
              try {
                start.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              waiters.add(source.token().test());
            });
      }
      start.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(waiters).hasSize(n);
    assertThat(logins.count()).isEqualTo(1);

    logins.succeed(1, "t1", null, null);

    waiters.forEach(w -> w.assertValue("t1"));
  }

  @Test
  void validTokenIsReusedUntilExpiryThenOneNewLogin() {
    source.token().test();
    logins.succeed(1, "t1", null, at(Duration.ofMinutes(60)));

    clock.advance(Duration.ofMinutes(60).minusMillis(1));
    source.token().test().assertValue("t1");
    assertThat(logins.count()).isEqualTo(1);

    clock.advance(Duration.ofMillis(1)); // now == expiresAt: expired
    TestObserver<String> a = source.token().test();
    TestObserver<String> b = source.token().test();
    a.assertEmpty();
    assertThat(logins.count()).isEqualTo(2);

    logins.succeed(2, "t2", null, at(Duration.ofMinutes(120)));
    a.assertValue("t2");
    b.assertValue("t2");
    source.token().test().assertValue("t2");
    assertThat(logins.count()).isEqualTo(2);
  }

  @Test
  void tokenDueForRefreshIsServedWhileOneBackgroundLoginRuns() {
    source.token().test();
    logins.succeed(1, "t1", at(Duration.ofMinutes(50)), at(Duration.ofMinutes(60)));

    clock.advance(Duration.ofMinutes(50));
    source.token().test().assertValue("t1").assertComplete();
    assertThat(logins.count()).isEqualTo(2);
    assertThat(logins.observed(2)).as("background login subscribed").isTrue();

    clock.advance(Duration.ofMinutes(5));
    source.token().test().assertValue("t1");
    source.token().test().assertValue("t1");
    assertThat(logins.count()).as("no second background login").isEqualTo(2);

    logins.succeed(2, "t2", at(Duration.ofMinutes(110)), at(Duration.ofMinutes(120)));
    source.token().test().assertValue("t2");
    assertThat(logins.count()).isEqualTo(2);
  }

  @Test
  void failedBackgroundRefreshKeepsTheOldToken() {
    source.token().test();
    logins.succeed(1, "t1", at(Duration.ofMinutes(50)), at(Duration.ofMinutes(60)));
    clock.advance(Duration.ofMinutes(51));
    source.token().test().assertValue("t1");

    logins.fail(2, new IllegalStateException("login down"));

    source.token().test().assertValue("t1");
    assertThat(source.current()).isEqualTo("t1");
  }

  @Test
  void tokenExpiringDuringBackgroundRefreshWaitsForThatRefresh() {
    source.token().test();
    logins.succeed(1, "t1", at(Duration.ofMinutes(50)), at(Duration.ofMinutes(60)));
    clock.advance(Duration.ofMinutes(55));
    source.token().test().assertValue("t1");
    clock.advance(Duration.ofMinutes(10)); // t1 now expired, refresh still in flight

    TestObserver<String> waiter = source.token().test();
    waiter.assertEmpty();
    assertThat(logins.count()).isEqualTo(2);

    logins.succeed(2, "t2", null, at(Duration.ofMinutes(120)));
    waiter.assertValue("t2");
  }

  @Test
  void aLoginItsCallersGaveUpOnKeepsItsLateSessionInsteadOfOrphaningIt() {
    io.reactivex.rxjava3.schedulers.TestScheduler timers =
        new io.reactivex.rxjava3.schedulers.TestScheduler();
    TokenSource<String> slow =
        new TokenSource<>(logins, clock).withLoginWait(Duration.ofSeconds(2), timers);
    TestObserver<String> caller = slow.token().test();
    timers.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
    caller.assertError(
        e ->
            e instanceof dev.switchboard.error.ProviderCallException p
                && p.code().equals("PROVIDER_TIMEOUT")
                && p.retryable());

    // The provider answers late: the session is kept, not lost with nobody to end it.
    logins.succeed(1, "late", null, at(Duration.ofHours(1)));
    assertThat(slow.current()).isEqualTo("late");
    slow.token().test().assertValue("late");
    assertThat(logins.count()).isEqualTo(1); // reused, no second session
    List<String> endedSessions = new ArrayList<>();
    slow.close(t -> io.reactivex.rxjava3.core.Completable.fromRunnable(() -> endedSessions.add(t)))
        .test()
        .assertComplete();
    assertThat(endedSessions).containsExactly("late"); // ended at stop
  }
}
