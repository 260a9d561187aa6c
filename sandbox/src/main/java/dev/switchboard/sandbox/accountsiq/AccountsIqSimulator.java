package dev.switchboard.sandbox.accountsiq;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Objects;

/**
 * A running AccountsIQ simulator: one HTTP server playing both SOAP 1.1 endpoints,
 * {@code /system/dashboard/integration/integration_1_1.asmx} (Login session token) and
 * {@code .../integration_2_0.asmx} (TokenGet/TokenRefresh and {@code AiqSoapHeader}), faithful to
 * provider-apis.md §1 on the wire and verifying what connectors send. A connection config points
 * at {@link #endpoint11()} or {@link #endpoint20()}.
 *
 * <p>Control: {@link #setScenario}, {@link #stats()}, {@link #expireAllTokens()} and
 * {@link #data(String)} here, or over HTTP: {@code GET /_sandbox/stats},
 * {@code GET|PUT|DELETE /_sandbox/scenarios/{tenant}}, {@code POST /_sandbox/tokens/expire}. All
 * methods are thread-safe.
 *
 * <pre>{@code
 * AccountsIqSimulator sim = AccountsIqSimulator.start(vertx, "127.0.0.1", 0, clock,
 *     AccountsIqConfig.demo()).await();
 * String url = sim.endpoint20();
 * ...
 * sim.close();
 * }</pre>
 */
public final class AccountsIqSimulator {
  private final HttpServer server;
  private final String host;
  private final TenantRegistry tenants;
  private final LoginTokens loginTokens;
  private final AppTokens appTokens;
  private final StatsCounters counters = new StatsCounters();

  private AccountsIqSimulator(HttpServer server, String host, Clock clock, AccountsIqConfig config) {
    this.server = server;
    this.host = host;
    this.tenants = new TenantRegistry(config);
    this.loginTokens = new LoginTokens(clock, config.settings());
    this.appTokens = new AppTokens(clock, config.settings());
  }

  /** Starts the server on {@code host:port} ({@code port} 0 = ephemeral). */
  public static Future<AccountsIqSimulator> start(Vertx vertx, String host, int port, Clock clock,
      AccountsIqConfig config) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(config, "config");
    AccountsIqSimulator sim = new AccountsIqSimulator(vertx.createHttpServer(), host, clock, config);
    return sim.server.requestHandler(sim.router(vertx, clock, config.settings())).listen(port, host).map(sim);
  }

  private Router router(Vertx vertx, Clock clock, AccountsIqSettings settings) {
    AuthOperations authOps = new AuthOperations(tenants, loginTokens, appTokens, settings, counters);
    OperationCatalog catalog = new OperationCatalog(authOps);
    SoapEndpoint.Parts parts = new SoapEndpoint.Parts(new SoapDispatch(catalog, settings.requireSoapAction()),
        new AuthGate(tenants, loginTokens, appTokens, settings, counters), authOps, tenants,
        new ScenarioFaults(counters), new ReplyWriter(settings, counters), counters, settings, clock, catalog);
    Router router = Router.router(vertx);
    router.route().handler(RequestLog::handle);
    router.route().handler(BodyHandler.create().setBodyLimit(Soap.MAX_REQUEST_BYTES));
    // IIS paths are case-insensitive.
    router.routeWithRegex("(?i)" + ApiVersion.V1_1.path().replace(".", "\\."))
        .handler(new SoapEndpoint(ApiVersion.V1_1, parts, this::endpoint11)::handle);
    router.routeWithRegex("(?i)" + ApiVersion.V2_0.path().replace(".", "\\."))
        .handler(new SoapEndpoint(ApiVersion.V2_0, parts, this::endpoint20)::handle);
    new ControlEndpoints(this).mount(router);
    router.route().last().handler(ctx -> ctx.response().setStatusCode(404)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end("<html><body>The resource cannot be found.</body></html>"));
    return router;
  }

  public String host() {
    return host;
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code http://host:port/system/dashboard/integration/integration_1_1.asmx}. */
  public String endpoint11() {
    return origin() + ApiVersion.V1_1.path();
  }

  /** {@code http://host:port/system/dashboard/integration/integration_2_0.asmx}. */
  public String endpoint20() {
    return origin() + ApiVersion.V2_0.path();
  }

  /** Root of the control API: {@code http://host:port/_sandbox/}. */
  public String controlUrl() {
    return origin() + "/_sandbox/";
  }

  public AccountsIqStats stats() {
    return counters.snapshot(loginTokens.active(), appTokens.activeAccess());
  }

  /** True if {@code tenantKey} (a companyID or clientId) is configured. */
  public boolean hasTenant(String tenantKey) {
    return tenants.has(tenantKey);
  }

  /** The tenant's current scenario. @throws IllegalArgumentException for an unknown tenant */
  public AccountsIqScenario scenario(String tenantKey) {
    return tenants.require(tenantKey).scenario();
  }

  /**
   * Replaces the tenant's scenario (null = none) and resets its fault counters. Takes effect on the
   * next request. @throws IllegalArgumentException for an unknown tenant
   */
  public void setScenario(String tenantKey, AccountsIqScenario scenario) {
    tenants.require(tenantKey).setScenario(scenario);
  }

  /**
   * The test hook for "the provider expired my token": every 1.1 session and every 2.0 access token
   * is expired now (calls answer {@code HasExpired=true}); 2.0 refresh tokens stay valid.
   */
  public void expireAllTokens() {
    loginTokens.expireAll();
    appTokens.expireAllAccessTokens();
  }

  /** Stored data of entity {@code entityId}. @throws IllegalArgumentException for an unknown entity */
  public AccountsIqEntityView data(String entityId) {
    EntityStore store = tenants.store(entityId);
    if (store == null) throw new IllegalArgumentException("no entity " + entityId);
    return new AccountsIqEntityView(store);
  }

  /** Stops the server. The Vert.x instance is the caller's and stays open. */
  public Future<Void> close() {
    return server.close();
  }

  private String origin() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port();
  }
}
