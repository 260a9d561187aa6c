package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.MutableClock;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed logins, invalidation and logout. */
class TokenSourceRecoveryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final Logins logins = new Logins();
  private final TokenSource<String> source = new TokenSource<>(logins, clock);

  @Test
  void failedLoginReachesAllWaitersAndIsNotCached() {
    TestObserver<String> a = source.token().test();
    TestObserver<String> b = source.token().test();
    IllegalStateException down = new IllegalStateException("login down");

    logins.fail(1, down);

    a.assertError(down);
    b.assertError(down);
    TestObserver<String> retry = source.token().test();
    assertThat(logins.count()).isEqualTo(2);
    logins.succeed(2, "t2", null, null);
    retry.assertValue("t2");
  }

  @Test
  void invalidateDropsTheCurrentTokenSoTheNextCallLogsIn() {
    source.token().test();
    logins.succeed(1, "t1", null, null);

    source.invalidate("t1");

    assertThat(source.current()).isNull();
    source.token().test();
    assertThat(logins.count()).isEqualTo(2);
  }

  @Test
  void invalidatingAStaleTokenKeepsTheNewerOne() {
    source.token().test();
    logins.succeed(1, "t1", null, T0.plusSeconds(60));
    clock.advance(Duration.ofSeconds(60));
    source.token().test();
    logins.succeed(2, "t2", null, T0.plusSeconds(600));

    source.invalidate("t1"); // a slow caller reporting the old token's expiry

    assertThat(source.current()).isEqualTo("t2");
    source.token().test().assertValue("t2");
    assertThat(logins.count()).isEqualTo(2);
  }

  @Test
  void invalidateDuringALoginDoesNotDropTheTokenItBrings() {
    source.token().test();
    logins.succeed(1, "t1", T0.plusSeconds(10), T0.plusSeconds(60));
    clock.advance(Duration.ofSeconds(10));
    source.token().test().assertValue("t1"); // background refresh starts

    source.invalidate("t1");
    logins.succeed(2, "t2", null, T0.plusSeconds(600));

    assertThat(source.current()).isEqualTo("t2");
    source.token().test().assertValue("t2");
    assertThat(logins.count()).isEqualTo(2);
  }

  @Test
  void closeLogsOutWithTheCurrentTokenAndForgetsIt() {
    source.token().test();
    logins.succeed(1, "t1", null, null);
    List<String> loggedOut = new ArrayList<>();

    Completable close = source.close(t -> Completable.fromRunnable(() -> loggedOut.add(t)));
    assertThat(loggedOut).as("nothing happens before subscription").isEmpty();
    close.test().assertComplete();

    assertThat(loggedOut).containsExactly("t1");
    assertThat(source.current()).isNull();
  }

  @Test
  void closeWithoutTokenDoesNotLogOut() {
    List<String> loggedOut = new ArrayList<>();
    source.close(t -> Completable.fromRunnable(() -> loggedOut.add(t))).test().assertComplete();
    assertThat(loggedOut).isEmpty();
    assertThat(logins.count()).as("close never logs in").isZero();
  }
}
