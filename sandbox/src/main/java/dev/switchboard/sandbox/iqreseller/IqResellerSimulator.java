package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.ControlRoutes;
import dev.switchboard.sandbox.kit.HttpSimulator;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.SessionTokens;
import dev.switchboard.sandbox.kit.TenantRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * A running IQ Reseller simulator: one HTTP server that plays both the sign-in host ({@code
 * /api/IntegrationAPI/Session}) and the data API ({@code /webapi.svc/}), faithful to
 * provider-apis.md §2 on the wire. A connection config points at {@link #sessionUrl()} and {@link
 * #baseUrl()}.
 *
 * <p>Tenants are named by their API key. Control: {@link #setScenario}, {@link #stats()}, {@link
 * #expireAllSessions()} here, or over HTTP: {@code GET /_sandbox/stats}, {@code GET|PUT|DELETE
 * /_sandbox/scenarios/{apiKey}}, {@code POST /_sandbox/sessions/expire}. All methods are
 * thread-safe.
 */
public final class IqResellerSimulator extends HttpSimulator<IqResellerScenario> {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final TenantRegistry<TenantState> tenants;
  private final SessionTokens<TenantState> sessions;
  private final StatsCounters counters = new StatsCounters();

  private IqResellerSimulator(
      String host, Clock clock, IqResellerConfig config, TenantRegistry<TenantState> tenants) {
    super(host, tenants);
    this.tenants = tenants;
    IqResellerSettings s = config.settings();
    this.sessions =
        new SessionTokens<>(
            clock, s.sessionIdleTtl(), s.slidingSessionExpiry(), IqResellerSimulator::newToken);
  }

  /** Starts the server on {@code host:port} ({@code port} 0 = ephemeral). */
  public static Future<IqResellerSimulator> start(
      Vertx vertx, String host, int port, Clock clock, IqResellerConfig config) {
    Objects.requireNonNull(config, "config");
    IqResellerSimulator sim =
        new IqResellerSimulator(
            host, clock, config, TenantRegistry.of(config.tenants(), TenantState::new, true));
    return sim.listen(vertx, new HttpServerOptions(), sim.routes(vertx, config.settings()), port)
        .map(sim);
  }

  private Router routes(Vertx vertx, IqResellerSettings settings) {
    ControlRoutes<IqResellerScenario> control =
        controlRoutes(IqResellerScenario.JSON, MessageReplies::message)
            .hook("sessions/expire", this::expireAllSessions);
    Router router =
        router(vertx, RequestLog.withSecretTenantKeys("iqreseller", "tenant", "session"), control);
    SessionEndpoints login = new SessionEndpoints(tenants, sessions, counters, settings);
    DataApiHandler data =
        new DataApiHandler(new DataRoutes(settings), sessions, counters, settings);
    router.route().handler(BodyHandler.create().setBodyLimit(1 << 20));
    // ASP.NET routes are case-insensitive.
    router
        .routeWithRegex(HttpMethod.POST, "(?i)/api/IntegrationAPI/Session/?")
        .handler(login::login);
    router
        .routeWithRegex(HttpMethod.DELETE, "(?i)/api/IntegrationAPI/Session/?")
        .handler(login::logout);
    router
        .routeWithRegex("(?i)/api/IntegrationAPI/Session/?")
        .handler(
            ctx ->
                MessageReplies.message(
                    ctx, 405, "The requested resource does not support this method."));
    router.routeWithRegex("(?i)/webapi\\.svc/(.*)").handler(data::handle);
    router.route().last().handler(ctx -> MessageReplies.message(ctx, 404, "Endpoint not found."));
    router.errorHandler(500, ctx -> MessageReplies.message(ctx, 500, "An error has occurred."));
    return router;
  }

  /**
   * The {@code sessionUrl} of a connection: {@code http://host:port/api/IntegrationAPI/Session}.
   */
  public String sessionUrl() {
    return origin() + "/api/IntegrationAPI/Session";
  }

  /** The {@code baseUrl} of a connection: {@code http://host:port/webapi.svc/}. */
  public String baseUrl() {
    return origin() + "/webapi.svc/";
  }

  @Override
  public IqResellerStats stats() {
    return counters.snapshot(sessions.active());
  }

  /** Ends every session now: the test hook for "the provider expired my token". */
  public void expireAllSessions() {
    sessions.expireAll();
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
