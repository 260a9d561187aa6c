package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.accengage.AccengageScenario.RateLimit;
import dev.switchboard.sandbox.accengage.AccengageScenario.ServerError;
import dev.switchboard.sandbox.kit.Unanswered;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Injected 429 and 500 answers. A page fault fires {@code times} times per (route, page); a call
 * fault fires on the user's authenticated calls {@code call .. call+times-1}.
 */
final class Faults {
  private Faults() {}

  /** ASSUMPTION (§3.5): throttling is 429 with {@code Retry-After} (seconds) and an errors body. */
  static boolean rateLimit(
      RoutingContext ctx,
      AccengageScenario scenario,
      UserState user,
      ApiRoute route,
      Long page,
      long call,
      StatsCounters counters) {
    RateLimit r = scenario.rateLimit();
    if (r == null || !fires("429", r.page(), r.call(), r.times(), user, route, page, call))
      return false;
    counters.rateLimited();
    ctx.response().putHeader("Retry-After", String.valueOf(r.retryAfterSeconds()));
    ApiReplies.error(
        ctx,
        429,
        ApiError.RATE_LIMIT,
        "Too many requests, retry in " + r.retryAfterSeconds() + " second(s)");
    return true;
  }

  /** CERTAIN labels (seed doc, "Generic errors"), all with HTTP 500. */
  static boolean serverError(
      RoutingContext ctx,
      AccengageScenario scenario,
      UserState user,
      ApiRoute route,
      Long page,
      long call,
      StatsCounters counters) {
    ServerError e = scenario.serverError();
    if (e == null
        || !fires("500 " + e.label(), e.page(), e.call(), e.times(), user, route, page, call))
      return false;
    counters.serverError(e.label());
    ApiReplies.error(ctx, 500, e.label(), message(e.label()));
    return true;
  }

  /**
   * Answers a call the random fault mode picked (never {@link FaultDice.Call#SERVE}), and counts
   * it. A 500 carries the documented {@code API_ERR_SERVICE}; another 5xx is what a load balancer
   * in front of the API answers, a plain page without a label. Throttling is 429 with {@code
   * Retry-After} (ASSUMPTION, §3.5). A timeout is no answer: held, then closed.
   */
  static void random(
      RoutingContext ctx, FaultDice.Call call, RandomFaults faults, StatsCounters counters) {
    counters.faults.random(FaultDice.kind(call));
    switch (call) {
      case SERVER_ERROR -> {
        int status = faults.serverErrorStatus();
        if (status == 500) {
          ApiReplies.error(ctx, 500, "API_ERR_SERVICE", message("API_ERR_SERVICE"));
        } else {
          ApiReplies.send(
              ctx,
              status,
              "text/plain; charset=utf-8",
              Buffer.buffer(status + (status == 503 ? " Service Unavailable" : " Server Error")));
        }
      }
      case RATE_LIMIT -> {
        ctx.response().putHeader("Retry-After", String.valueOf(faults.retryAfterSeconds()));
        ApiReplies.error(
            ctx,
            429,
            ApiError.RATE_LIMIT,
            "Too many requests, retry in " + faults.retryAfterSeconds() + " second(s)");
      }
      case TIMEOUT -> Unanswered.holdThenClose(ctx, faults.timeoutHoldMs());
      case SERVE -> throw new IllegalArgumentException("not a fault");
    }
  }

  private static boolean fires(
      String kind,
      Integer onPage,
      Integer onCall,
      int times,
      UserState user,
      ApiRoute route,
      Long page,
      long call) {
    if (onCall != null) return call >= onCall && call < (long) onCall + times;
    if (page == null || onPage.longValue() != page) return false;
    return user.fire(kind + ' ' + route.statsName() + " #" + page, times);
  }

  private static String message(String label) {
    return switch (label) {
      case "API_ERR_DB" -> "An error occurred when requesting the server database";
      case "API_ERR_CACHE" -> "An error occurred with the cache system";
      case "API_ERR_SERVICE" -> "An error occurred with a service";
      case "API_ERR_UTIL" -> "An error occurred with an internal utility";
      case "API_ERR_SUPPORT" -> "An error occurred with the support account";
      default -> "An unhandled error occurred on the server";
    };
  }
}
