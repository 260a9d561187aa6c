package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.iqreseller.DataRoutes.DataCall;
import dev.switchboard.sandbox.iqreseller.DataRoutes.Match;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.SecretTag;
import dev.switchboard.sandbox.kit.SessionTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code webapi.svc/*}: route, authenticate by {@code iqr-session-token}, apply the tenant's
 * scenario, answer. Order matters: an unknown UriTemplate is 404 before any auth check (WCF
 * dispatch), and latency is added with a timer, never by blocking the event loop.
 */
final class DataApiHandler {
  /** CERTAIN header name (provider-apis.md §2.2 step 3); HTTP header lookup is case-insensitive. */
  static final String SESSION_HEADER = "iqr-session-token";

  private final DataRoutes routes;
  private final SessionTokens<TenantState> sessions;
  private final StatsCounters counters;
  private final IqResellerSettings settings;

  DataApiHandler(
      DataRoutes routes,
      SessionTokens<TenantState> sessions,
      StatsCounters counters,
      IqResellerSettings settings) {
    this.routes = routes;
    this.sessions = sessions;
    this.counters = counters;
    this.settings = settings;
  }

  void handle(RoutingContext ctx) {
    Match match = routes.match(ctx.pathParam("param0"));
    if (match == null) {
      MessageReplies.message(ctx, 404, "Endpoint not found.");
      return;
    }
    if (!match.route().verbs().contains(ctx.request().method())) {
      MessageReplies.message(ctx, 405, "Method not allowed.");
      return;
    }
    String token = ctx.request().getHeader(SESSION_HEADER);
    RequestLog.note(ctx, "session", SecretTag.of(token));
    SessionTokens.Session<TenantState> session = sessions.touch(token);
    if (session == null) {
      unauthorized(ctx);
      return;
    }
    TenantState tenant = session.owner;
    RequestLog.note(ctx, "tenant", tenant.name());
    IqResellerScenario scenario;
    try {
      scenario = tenant.scenario().overriddenBy(IqResellerScenario.JSON.fromHeader(ctx));
    } catch (IllegalArgumentException e) {
      MessageReplies.message(ctx, 400, e.getMessage());
      return;
    }
    Integer limit = scenario.expireSessionAfterCalls();
    if (session.calls.incrementAndGet() > (limit == null ? Integer.MAX_VALUE : limit)) {
      sessions.remove(session.token);
      counters.faults.injected();
      unauthorized(ctx);
      return;
    }
    String routeName = match.route().name(match.format());
    counters.dataCalls.add(routeName);
    FaultDice dice = tenant.dice(scenario.randomFaults());
    FaultDice.Call fate = dice == null ? FaultDice.Call.SERVE : dice.roll(false);
    if (fate != FaultDice.Call.SERVE) {
      long delay = fate == FaultDice.Call.TIMEOUT ? 0 : scenario.delayMsFor(null);
      Runnable answer = () -> MessageReplies.randomFault(ctx, fate, dice.faults(), counters);
      if (delay > 0) ctx.vertx().setTimer(delay, t -> answer.run());
      else answer.run();
      return;
    }
    DataReply reply;
    try {
      reply =
          match
              .route()
              .answer()
              .apply(new DataCall(new QueryParams(ctx.queryParams()), tenant.data, settings));
    } catch (BadParam e) {
      reply = new DataReply.ErrorReply(400, e.getMessage());
    }
    DataReply answer = reply;
    long delay = scenario.delayMsFor(reply.page());
    if (delay > 0)
      ctx.vertx().setTimer(delay, t -> respond(ctx, match, answer, scenario, tenant, routeName));
    else respond(ctx, match, answer, scenario, tenant, routeName);
  }

  private void respond(
      RoutingContext ctx,
      Match match,
      DataReply reply,
      IqResellerScenario scenario,
      TenantState tenant,
      String routeName) {
    Integer page = reply.page();
    IqResellerScenario.FailPage fail = scenario.failPage();
    String failKey = fail == null ? null : routeName + '#' + fail.page() + '#' + fail.status();
    if (fail != null && page != null && fail.page() == page && tenant.fire(failKey, fail.times())) {
      counters.faults.injected();
      if (fail.retryAfterSeconds() != null) {
        ctx.response().putHeader("Retry-After", String.valueOf(fail.retryAfterSeconds()));
      }
      MessageReplies.message(ctx, fail.status(), "An error has occurred.");
      return;
    }
    boolean truncate = scenario.truncates(page);
    if (truncate) counters.faults.injected();
    DataResponses.send(ctx, match.format(), reply, truncate);
  }

  /** LIKELY status (the main client re-auths on 401); the body is an ASSUMPTION (§2.6). */
  private void unauthorized(RoutingContext ctx) {
    counters.unauthorized.increment();
    MessageReplies.json(ctx, 401, new JsonObject().put("Message", "Session expired"));
  }
}
