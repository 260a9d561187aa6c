package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.kit.ControlRoutes;
import dev.switchboard.sandbox.kit.HttpSimulator;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.TenantRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running Accengage REST API v1 simulator, faithful to provider-apis.md §3 and the v1 doc's
 * general sections on the wire, and verifying: every request's {@code Accengage-Signature} is
 * checked against the user's API key, and {@code Expect: 100-continue} is refused like the vendor's
 * load balancer. A connection config points at {@link #baseUrl()} (the stand-in for {@code
 * https://api.accengage.com}); routes start with {@code /v1/}.
 *
 * <p>Routes: {@code POST /v1/access_token}, {@code GET /v1/me}, {@code GET /v1/me/apps}, {@code GET
 * /v1/me/apps/{partnerId}}, {@code GET|POST .../{partnerId}/messages}, {@code GET
 * .../messages/{messageId}}, {@code POST .../messages/{messageId}/send}, {@code GET .../segments},
 * {@code GET .../devices} (CSV export), {@code GET .../devices/{deviceId}}.
 *
 * <p>Its tenants are API users, named by email. Control: {@link #setScenario}, {@link #stats()},
 * {@link #expireAllTokens()} here, or over HTTP: {@code GET /_sandbox/stats}, {@code GET|PUT|DELETE
 * /_sandbox/scenarios/{email}}, {@code POST /_sandbox/tokens/expire}. All methods are thread-safe.
 */
public final class AccengageSimulator extends HttpSimulator<AccengageScenario> {
  private final TenantRegistry<UserState> users;
  private final TokenStore tokens;
  private final StatsCounters counters = new StatsCounters();

  private AccengageSimulator(String host, TenantRegistry<UserState> users, TokenStore tokens) {
    super(host, users);
    this.users = users;
    this.tokens = tokens;
  }

  /** Starts the server on {@code host:port} ({@code port} 0 = ephemeral). */
  public static Future<AccengageSimulator> start(
      Vertx vertx, String host, int port, Clock clock, AccengageConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    AccengageSimulator sim =
        new AccengageSimulator(
            host,
            TenantRegistry.of(config.users(), UserState::new, false),
            new TokenStore(clock, config.settings()));
    // HTTP/1.1 only: no h2c upgrade, so Expect/100-continue and Connection: close keep their
    // meaning.
    HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false);
    return sim.listen(vertx, options, sim.routes(vertx, clock, config.settings()), port).map(sim);
  }

  private Router routes(Vertx vertx, Clock clock, AccengageSettings settings) {
    ControlRoutes<AccengageScenario> control =
        controlRoutes(
                AccengageScenario.JSON,
                (ctx, status, message) ->
                    ApiReplies.error(ctx, status, ApiError.SANDBOX_SCENARIO, message))
            .hook("tokens/expire", this::expireAllTokens);
    Router router = router(vertx, RequestLog.of("accengage", "route", "user", "token"), control);
    SignatureVerifier verifier = new SignatureVerifier(clock, settings.maxClockSkew());
    CallDispatcher dispatcher =
        new CallDispatcher(
            tokens,
            counters,
            settings,
            clock,
            new Endpoints(new AtomicLong(), counters),
            this::origin,
            () -> "http://127.0.0.2:" + port());
    ApiGateway api =
        new ApiGateway(
            tokens,
            verifier,
            counters,
            new AccessTokenEndpoint(users, tokens, verifier, counters, settings),
            dispatcher);
    router.route().handler(new ExpectContinueGuard(settings.expectContinue(), counters)::handle);
    router.route().handler(RawBody::handle);
    router.route().handler(api::handle); // every other path: a v1 route or API_ERR_UNKNOW_ROUTE
    router.errorHandler(
        500, ctx -> ApiReplies.error(ctx, 500, "API_ERR_UNKNOWN", "An unhandled error occurred"));
    return router;
  }

  /** The API origin, {@code http://host:port} (no trailing slash); routes are {@code /v1/...}. */
  public String baseUrl() {
    return origin();
  }

  @Override
  public AccengageStats stats() {
    return counters.snapshot(tokens.active());
  }

  /** Expires every token now (next use: 401 API_ERR_TOKEN): "the provider expired my token". */
  public void expireAllTokens() {
    tokens.expireAll();
  }
}
