package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.testing.MutableClock;
import io.reactivex.rxjava3.core.Flowable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A streamed call is replayed with a new token only if the expiry came before any item. */
class TokenSourceStreamTest {
  private static final ProviderCallException EXPIRED =
      new ProviderCallException(
          new Resolution(Action.REFRESH_AUTH_THEN_RETRY, Category.AUTH, "EXPIRED"),
          "expired",
          null,
          null,
          null);
  private final Logins logins = new Logins();
  private final TokenSource<String> tokens =
      new TokenSource<>(logins, new MutableClock(Instant.EPOCH));
  private final List<String> usedTokens = new ArrayList<>();

  @Test
  void expiryBeforeTheFirstItemReplaysOnceWithANewToken() {
    var ts =
        tokens
            .withTokenStream(
                t ->
                    Flowable.defer(
                        () -> {
                          usedTokens.add(t);
                          return t.equals("t1") ? Flowable.error(EXPIRED) : Flowable.just("a", "b");
                        }))
            .test();
    logins.succeed(1, "t1", null, null);
    logins.succeed(2, "t2", null, null);
    ts.assertValues("a", "b").assertComplete();
    assertThat(usedTokens).containsExactly("t1", "t2");
  }

  @Test
  void expiryAfterItemsWentOutIsNotReplayed() {
    var ts =
        tokens
            .withTokenStream(
                t ->
                    Flowable.defer(
                        () -> {
                          usedTokens.add(t);
                          return Flowable.just("a").concatWith(Flowable.error(EXPIRED));
                        }))
            .test();
    logins.succeed(1, "t1", null, null);
    ts.assertValues("a").assertError(EXPIRED);
    assertThat(logins.count()).isEqualTo(1);
  }
}
