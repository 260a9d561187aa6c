package dev.switchboard.spi;

import dev.switchboard.http.ProviderHttp;
import dev.switchboard.metrics.Metrics;
import io.reactivex.rxjava3.core.Scheduler;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What the runtime gives a connector. The clock and scheduler are injected so that tests of
 * token lifetimes and backoff run in virtual time.
 *
 * @param vertx the Vert.x instance
 * @param http provider HTTP with metrics, per-call timeouts and retries owned by the runtime
 * @param clock wall clock for token lifetimes
 * @param scheduler Rx scheduler for timers (backoff, proactive refresh)
 * @param metrics metrics registry
 */
public record ConnectorContext(Vertx vertx, ProviderHttp http, Clock clock, Scheduler scheduler,
    Metrics metrics) {}
