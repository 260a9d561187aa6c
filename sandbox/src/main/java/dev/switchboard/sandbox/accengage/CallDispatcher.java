package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.FaultDice;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs an authenticated call: the scenario's forced token expiry, the page parameter, injected
 * 429/500 answers, the app rights check (403 API_ERR_FORBIDDEN), then the endpoint.
 */
final class CallDispatcher {
  private final TokenStore tokens;
  private final StatsCounters counters;
  private final AccengageSettings settings;
  private final Clock clock;
  private final Endpoints endpoints;
  private final Supplier<String> fallbackOrigin;
  private final Supplier<String> defaultForeignOrigin;

  CallDispatcher(
      TokenStore tokens,
      StatsCounters counters,
      AccengageSettings settings,
      Clock clock,
      Endpoints endpoints,
      Supplier<String> fallbackOrigin,
      Supplier<String> defaultForeignOrigin) {
    this.tokens = tokens;
    this.counters = counters;
    this.settings = settings;
    this.clock = clock;
    this.endpoints = endpoints;
    this.fallbackOrigin = fallbackOrigin;
    this.defaultForeignOrigin = defaultForeignOrigin;
  }

  void dispatch(
      RoutingContext ctx,
      ApiRoute.Match match,
      TokenStore.Token token,
      AccengageScenario scenario,
      Buffer body) {
    if (ctx.response().closed()) return;
    if (match.route().isWrite())
      counters.writes.arrived(MessageEndpoints.writeKey(ctx, match.route(), body));
    Integer limit = scenario.expireTokenAfterCalls();
    if (token.calls.incrementAndGet() > (limit == null ? Integer.MAX_VALUE : limit)) {
      tokens.expire(token);
      counters.faults.injected();
      ApiGateway.tokenFailure(ctx, counters, TokenStore.Status.EXPIRED);
      return;
    }
    ApiRoute route = match.route();
    counters.calls.add(route.statsName());
    UserState user = token.user;
    long call = user.nextCall();
    long page = 1;
    if (route.paginated) {
      try {
        page = QueryParams.page(ctx.queryParams());
      } catch (FormatProblems e) {
        ApiReplies.errors(ctx, 400, e.errors);
        return;
      }
    }
    Long faultPage = route.paginated ? page : null;
    FaultDice dice = user.dice(scenario.randomFaults());
    FaultDice.Call fate = dice == null ? FaultDice.Call.SERVE : dice.roll(false);
    if (fate != FaultDice.Call.SERVE) {
      Faults.random(ctx, fate, dice.faults(), counters);
      return;
    }
    if (Faults.rateLimit(ctx, scenario, user, route, faultPage, call, counters)) return;
    if (Faults.serverError(ctx, scenario, user, route, faultPage, call, counters)) return;
    AppData app = null;
    String partnerId = match.param("partnerId");
    if (partnerId != null) {
      app = user.data.app(partnerId);
      if (app == null) {
        counters.forbidden.increment();
        ApiReplies.error(
            ctx, 403, ApiError.FORBIDDEN, "You have no rights on application `" + partnerId + "`");
        return;
      }
    }
    String foreign =
        scenario.foreignOrigin() != null ? scenario.foreignOrigin() : defaultForeignOrigin.get();
    endpoints.handle(
        new ApiCall(
            ctx, match, user, app, scenario, settings, clock, page, body, origin(ctx), foreign));
  }

  /** The origin the client addressed (its Host header), else the simulator's own. */
  private String origin(RoutingContext ctx) {
    HostAndPort a = ctx.request().authority();
    if (a == null || a.host() == null || a.host().isEmpty()) return fallbackOrigin.get();
    String host =
        a.host().contains(":") && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
    return "http://" + host + (a.port() > 0 ? ":" + a.port() : "");
  }
}
