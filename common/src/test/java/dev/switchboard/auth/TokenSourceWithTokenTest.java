package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.testing.MutableClock;
import io.reactivex.rxjava3.core.Single;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link TokenSource#withToken}: one re-login and one re-run on the provider's expiry signal. */
class TokenSourceWithTokenTest {
  private final AtomicInteger logins = new AtomicInteger();
  private final TokenSource<String> source =
      new TokenSource<>(
          () -> Single.fromCallable(() -> new Token<>("t" + logins.incrementAndGet(), null, null)),
          new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final List<String> tokensUsed = new ArrayList<>();

  private static ProviderCallException expired() {
    return new ProviderCallException(
        new Resolution(Action.REFRESH_AUTH_THEN_RETRY, Category.AUTH, "X"),
        "msg",
        null,
        null,
        null);
  }

  @Test
  void expirySignalReLogsInAndReRunsOnceWithTheNewToken() {
    Single<String> result =
        source.withToken(
            t ->
                Single.defer(
                    () -> {
                      tokensUsed.add(t);
                      return t.equals("t1") ? Single.error(expired()) : Single.just("ok:" + t);
                    }));

    result.test().assertValue("ok:t2");

    assertThat(tokensUsed).containsExactly("t1", "t2");
    assertThat(logins.get()).isEqualTo(2);
    assertThat(source.current()).isEqualTo("t2");
  }

  @Test
  void secondExpirySignalPropagatesWithoutLooping() {
    List<ProviderCallException> thrown = new ArrayList<>();
    Single<String> result =
        source.withToken(
            t ->
                Single.defer(
                    () -> {
                      tokensUsed.add(t);
                      ProviderCallException e = expired();
                      thrown.add(e);
                      return Single.error(e);
                    }));

    var observer = result.test();

    assertThat(thrown).hasSize(2);
    observer.assertError(thrown.get(1));
    assertThat(tokensUsed).containsExactly("t1", "t2");
    assertThat(logins.get()).isEqualTo(2);
  }

  @Test
  void otherFailuresPropagateWithoutReLogin() {
    ProviderCallException transientFailure =
        new ProviderCallException(
            Resolution.retry(Category.TRANSIENT, "PROVIDER_TIMEOUT"), "timeout", null, null, null);
    IllegalStateException bug = new IllegalStateException("bug");

    source
        .withToken(
            t -> {
              tokensUsed.add(t);
              return Single.<String>error(transientFailure);
            })
        .test()
        .assertError(transientFailure);
    source
        .withToken(
            t -> {
              tokensUsed.add(t);
              return Single.<String>error(bug);
            })
        .test()
        .assertError(bug);

    assertThat(tokensUsed).containsExactly("t1", "t1");
    assertThat(logins.get()).isEqualTo(1);
    assertThat(source.current()).as("token kept").isEqualTo("t1");
  }

  @Test
  void successUsesTheCachedToken() {
    source.withToken(t -> Single.just("a:" + t)).test().assertValue("a:t1");
    source.withToken(t -> Single.just("b:" + t)).test().assertValue("b:t1");
    assertThat(logins.get()).isEqualTo(1);
  }
}
