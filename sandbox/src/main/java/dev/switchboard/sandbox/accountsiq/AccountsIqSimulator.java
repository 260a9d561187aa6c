package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.ControlRoutes;
import dev.switchboard.sandbox.kit.HttpSimulator;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.SessionTokens;
import dev.switchboard.sandbox.kit.TenantRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A running AccountsIQ simulator: one HTTP server playing both SOAP 1.1 endpoints, {@code
 * /system/dashboard/integration/integration_1_1.asmx} (Login session token) and {@code
 * .../integration_2_0.asmx} (TokenGet/TokenRefresh and {@code AiqSoapHeader}), faithful to
 * provider-apis.md §1 on the wire and verifying what connectors send. A connection config points at
 * {@link #endpoint11()} or {@link #endpoint20()}.
 *
 * <p>Tenants are named by companyID (1.1) or clientId (2.0). Control: {@link #setScenario}, {@link
 * #stats()}, {@link #expireAllTokens()} and {@link #data(String)} here, or over HTTP: {@code GET
 * /_sandbox/stats}, {@code GET|PUT|DELETE /_sandbox/scenarios/{tenant}}, {@code POST
 * /_sandbox/tokens/expire}. All methods are thread-safe.
 *
 * <pre>{@code
 * AccountsIqSimulator sim = AccountsIqSimulator.start(vertx, "127.0.0.1", 0, clock,
 *     AccountsIqConfig.demo()).await();
 * String url = sim.endpoint20();
 * ...
 * sim.close();
 * }</pre>
 */
public final class AccountsIqSimulator extends HttpSimulator<AccountsIqScenario> {
  private static final String JSON_UTF8 = "application/json; charset=utf-8";
  private final TenantRegistry<TenantState> tenants;
  private final Map<String, EntityStore> stores;
  private final SessionTokens<String> loginTokens;
  private final AppTokens appTokens;
  private final StatsCounters counters = new StatsCounters();

  private AccountsIqSimulator(
      String host, Clock clock, AccountsIqConfig config, TenantRegistry<TenantState> tenants) {
    super(host, tenants);
    this.tenants = tenants;
    Map<String, EntityStore> s = new LinkedHashMap<>();
    config.entities().forEach((id, e) -> s.put(id, new EntityStore(e)));
    this.stores = Collections.unmodifiableMap(s);
    AccountsIqSettings settings = config.settings();
    this.loginTokens =
        new SessionTokens<>(
            clock,
            settings.loginTokenTtl(),
            settings.loginTokenExpiry() == AccountsIqSettings.TokenExpiry.IDLE,
            () -> UUID.randomUUID().toString());
    this.appTokens = new AppTokens(clock, settings);
  }

  /** Starts the server on {@code host:port} ({@code port} 0 = ephemeral). */
  public static Future<AccountsIqSimulator> start(
      Vertx vertx, String host, int port, Clock clock, AccountsIqConfig config) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(config, "config");
    AccountsIqSimulator sim =
        new AccountsIqSimulator(
            host, clock, config, TenantRegistry.of(config.tenants(), TenantState::new, false));
    return sim.listen(
            vertx, new HttpServerOptions(), sim.routes(vertx, clock, config.settings()), port)
        .map(sim);
  }

  private Router routes(Vertx vertx, Clock clock, AccountsIqSettings settings) {
    ControlRoutes<AccountsIqScenario> control =
        controlRoutes(
                AccountsIqScenario.JSON,
                (ctx, status, message) ->
                    ctx.response()
                        .setStatusCode(status)
                        .putHeader("Content-Type", JSON_UTF8)
                        .end(new JsonObject().put("message", message).encode()))
            .hook("tokens/expire", this::expireAllTokens);
    Router router =
        router(vertx, RequestLog.of("accountsiq", "op", "outcome", "tenant", "token"), control);
    AuthParts auth = new AuthParts(tenants, stores, loginTokens, appTokens, settings, counters);
    AuthOperations authOps = new AuthOperations(auth);
    OperationCatalog catalog = new OperationCatalog(authOps);
    TenantState anonymous = new TenantState(AccountsIqTenant.app("(anonymous)", "-", "(none)"));
    SoapEndpoint.Parts parts =
        new SoapEndpoint.Parts(
            new SoapDispatch(catalog, settings.requireSoapAction()),
            new AuthGate(auth),
            authOps,
            anonymous,
            new ScenarioFaults(counters),
            new ReplyWriter(settings, counters),
            counters,
            settings,
            clock,
            catalog);
    router.route().handler(BodyHandler.create().setBodyLimit(Soap.MAX_REQUEST_BYTES));
    // IIS paths are case-insensitive.
    router
        .routeWithRegex("(?i)" + ApiVersion.V1_1.path().replace(".", "\\."))
        .handler(new SoapEndpoint(ApiVersion.V1_1, parts, this::endpoint11)::handle);
    router
        .routeWithRegex("(?i)" + ApiVersion.V2_0.path().replace(".", "\\."))
        .handler(new SoapEndpoint(ApiVersion.V2_0, parts, this::endpoint20)::handle);
    router
        .route()
        .last()
        .handler(
            ctx ->
                ctx.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<html><body>The resource cannot be found.</body></html>"));
    return router;
  }

  /** {@code http://host:port/system/dashboard/integration/integration_1_1.asmx}. */
  public String endpoint11() {
    return origin() + ApiVersion.V1_1.path();
  }

  /** {@code http://host:port/system/dashboard/integration/integration_2_0.asmx}. */
  public String endpoint20() {
    return origin() + ApiVersion.V2_0.path();
  }

  @Override
  public AccountsIqStats stats() {
    return counters.snapshot(loginTokens.active(), appTokens.activeAccess());
  }

  /**
   * The test hook for "the provider expired my token": every 1.1 session and every 2.0 access token
   * is expired now (calls answer {@code HasExpired=true}); 2.0 refresh tokens stay valid.
   */
  public void expireAllTokens() {
    loginTokens.expireAll();
    appTokens.expireAllAccessTokens();
  }

  /**
   * Stored data of entity {@code entityId}. @throws IllegalArgumentException for an unknown entity
   */
  public AccountsIqEntityView data(String entityId) {
    EntityStore store = entityId == null ? null : stores.get(entityId);
    if (store == null) throw new IllegalArgumentException("no entity " + entityId);
    return new AccountsIqEntityView(store);
  }
}
