package dev.switchboard.sandbox.iqreseller;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Objects;

/**
 * A running IQ Reseller simulator: one HTTP server that plays both the sign-in host
 * ({@code /api/IntegrationAPI/Session}) and the data API ({@code /webapi.svc/}), faithful to
 * provider-apis.md §2 on the wire. A connection config points at {@link #sessionUrl()} and
 * {@link #baseUrl()}.
 *
 * <p>Control: {@link #setScenario}, {@link #stats()}, {@link #expireAllSessions()} here, or over
 * HTTP: {@code GET /_sandbox/stats}, {@code GET|PUT|DELETE /_sandbox/scenarios/{apiKey}},
 * {@code POST /_sandbox/sessions/expire}. All methods are thread-safe.
 */
public final class IqResellerSimulator {
  private final HttpServer server;
  private final String host;
  private final TenantRegistry tenants;
  private final SessionStore sessions;
  private final StatsCounters counters;

  private IqResellerSimulator(HttpServer server, String host, TenantRegistry tenants,
      SessionStore sessions, StatsCounters counters) {
    this.server = server;
    this.host = host;
    this.tenants = tenants;
    this.sessions = sessions;
    this.counters = counters;
  }

  /** Starts the server on {@code host:port} ({@code port} 0 = ephemeral). */
  public static Future<IqResellerSimulator> start(Vertx vertx, String host, int port, Clock clock,
      IqResellerConfig config) {
    Objects.requireNonNull(config, "config");
    IqResellerSettings settings = config.settings();
    SessionStore sessions = new SessionStore(clock, settings);
    IqResellerSimulator sim = new IqResellerSimulator(vertx.createHttpServer(), host,
        new TenantRegistry(config), sessions, new StatsCounters());
    return sim.server.requestHandler(sim.router(vertx, settings)).listen(port, host).map(sim);
  }

  private Router router(Vertx vertx, IqResellerSettings settings) {
    SessionEndpoints login = new SessionEndpoints(tenants, sessions, counters, settings);
    DataApiHandler data = new DataApiHandler(new DataRoutes(settings), sessions, counters, settings);
    Router router = Router.router(vertx);
    router.route().handler(RequestLog::handle);
    router.route().handler(BodyHandler.create().setBodyLimit(1 << 20));
    // ASP.NET routes are case-insensitive.
    router.routeWithRegex(HttpMethod.POST, "(?i)/api/IntegrationAPI/Session/?").handler(login::login);
    router.routeWithRegex(HttpMethod.DELETE, "(?i)/api/IntegrationAPI/Session/?").handler(login::logout);
    router.routeWithRegex("(?i)/api/IntegrationAPI/Session/?")
        .handler(ctx -> Replies.message(ctx, 405, "The requested resource does not support this method."));
    router.routeWithRegex("(?i)/webapi\\.svc/(.*)").handler(data::handle);
    new ControlEndpoints(this).mount(router);
    router.route().last().handler(ctx -> Replies.message(ctx, 404, "Endpoint not found."));
    router.errorHandler(500, ctx -> Replies.message(ctx, 500, "An error has occurred."));
    return router;
  }

  public String host() {
    return host;
  }

  public int port() {
    return server.actualPort();
  }

  /** The {@code sessionUrl} of a connection: {@code http://host:port/api/IntegrationAPI/Session}. */
  public String sessionUrl() {
    return origin() + "/api/IntegrationAPI/Session";
  }

  /** The {@code baseUrl} of a connection: {@code http://host:port/webapi.svc/}. */
  public String baseUrl() {
    return origin() + "/webapi.svc/";
  }

  /** Root of the control API: {@code http://host:port/_sandbox/}. */
  public String controlUrl() {
    return origin() + "/_sandbox/";
  }

  public IqResellerStats stats() {
    return counters.snapshot(sessions.active());
  }

  public boolean hasTenant(String apiKey) {
    return tenants.find(apiKey) != null;
  }

  /** The tenant's current scenario. @throws IllegalArgumentException for an unknown key */
  public IqResellerScenario scenario(String apiKey) {
    return tenants.require(apiKey).scenario();
  }

  /**
   * Replaces the tenant's scenario (null = none) and resets its {@code failPage} counters.
   * Takes effect on the next request. @throws IllegalArgumentException for an unknown key
   */
  public void setScenario(String apiKey, IqResellerScenario scenario) {
    tenants.require(apiKey).setScenario(scenario);
  }

  /** Ends every session now: the test hook for "the provider expired my token". */
  public void expireAllSessions() {
    sessions.expireAll();
  }

  public Future<Void> close() {
    return server.close();
  }

  private String origin() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port();
  }
}
