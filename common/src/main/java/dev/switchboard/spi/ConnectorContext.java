package dev.switchboard.spi;

import dev.switchboard.auth.Token;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.metrics.Metrics;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the runtime gives a connector for one connection. The clock and scheduler are injected so
 * that tests of token lifetimes and backoff run in virtual time.
 *
 * @param provider the connector's id
 * @param connection the connection's name
 * @param vertx the Vert.x instance
 * @param http the connection's provider HTTP: metrics, its request timeout, its gate and the
 *     runtime's retries
 * @param clock wall clock for token lifetimes
 * @param scheduler Rx scheduler for timers (backoff, proactive refresh)
 * @param metrics metrics registry
 */
public record ConnectorContext(
    String provider,
    String connection,
    Vertx vertx,
    ProviderHttp http,
    Clock clock,
    Scheduler scheduler,
    Metrics metrics) {

  /**
   * The connection's credential, obtained with {@code login}: one login at a time however many
   * callers wait (see {@link TokenSource}), each counted in {@code
   * switchboard_token_refreshes_total{provider,connection}}.
   */
  public <T> TokenSource<T> tokens(Supplier<Single<Token<T>>> login) {
    return new TokenSource<>(
        () ->
            login
                .get()
                .doOnSuccess(
                    t ->
                        metrics.increment(
                            "switchboard_token_refreshes_total",
                            "Provider logins and token refreshes",
                            "provider",
                            provider,
                            "connection",
                            connection)),
        clock);
  }
}
