package dev.switchboard.sandbox.kit;

import dev.switchboard.sandbox.RunningSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;

/**
 * What every simulator shares: one HTTP server whose router logs each request, serves the {@link
 * ControlRoutes} and then the provider's own routes; and tenants whose scenarios tests set here or
 * over the control routes. Subclasses add the provider's URLs, stats and test hooks.
 *
 * @param <S> the simulator's scenario record
 */
public abstract class HttpSimulator<S> implements RunningSimulator {
  private final String host;
  private final TenantRegistry<? extends ScenarioState<S>> tenants;
  private final TraceLog traces = new TraceLog();
  private HttpServer server;

  protected HttpSimulator(String host, TenantRegistry<? extends ScenarioState<S>> tenants) {
    this.host = Objects.requireNonNull(host, "host");
    this.tenants = tenants;
  }

  /** The control routes over this simulator's tenants and stats; errors in the provider's shape. */
  protected final ControlRoutes<S> controlRoutes(
      ScenarioJson<S> json, ControlRoutes.ErrorReply errors) {
    return new ControlRoutes<>(tenants, json, this::stats, errors).traces(traces);
  }

  /** The trace context of the latest provider requests that carried one. */
  public final TraceLog traces() {
    return traces;
  }

  /**
   * A router that logs every request and serves {@code control}; add the provider's routes after.
   */
  protected static Router router(Vertx vertx, RequestLog log, ControlRoutes<?> control) {
    Router router = Router.router(vertx);
    router.route().handler(log);
    control.mount(router);
    return router;
  }

  /** Binds {@code host:port} ({@code port} 0: ephemeral). */
  protected final Future<Void> listen(
      Vertx vertx, HttpServerOptions options, Router router, int port) {
    server = vertx.createHttpServer(options);
    return server.requestHandler(router).listen(port, host).mapEmpty();
  }

  @Override
  public final String host() {
    return host;
  }

  @Override
  public final int port() {
    return server.actualPort();
  }

  /** True if a tenant is named {@code key} (the credential the provider names tenants by). */
  public final boolean hasTenant(String key) {
    return tenants.has(key);
  }

  /** The tenant's current scenario. @throws IllegalArgumentException for an unknown tenant */
  public final S scenario(String key) {
    return tenants.require(key).scenario();
  }

  /**
   * Replaces the tenant's scenario (null = none) and restarts its fault counters and random draws.
   * Takes effect on the next request. @throws IllegalArgumentException for an unknown tenant
   */
  public final void setScenario(String key, S scenario) {
    tenants.require(key).setScenario(scenario);
  }

  @Override
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
