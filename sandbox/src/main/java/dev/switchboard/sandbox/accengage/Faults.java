package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.accengage.AccengageScenario.RateLimit;
import dev.switchboard.sandbox.accengage.AccengageScenario.ServerError;
import io.vertx.ext.web.RoutingContext;

/**
 * Injected 429 and 500 answers. A page fault fires {@code times} times per (route, page); a call
 * fault fires on the user's authenticated calls {@code call .. call+times-1}.
 */
final class Faults {
  private Faults() {}

  /** ASSUMPTION (§3.5): throttling is 429 with {@code Retry-After} (seconds) and an errors body. */
  static boolean rateLimit(RoutingContext ctx, AccengageScenario scenario, UserState user, ApiRoute route,
      Long page, long call, StatsCounters counters) {
    RateLimit r = scenario.rateLimit();
    if (r == null || !fires("429", r.page(), r.call(), r.times(), user, route, page, call)) return false;
    counters.rateLimited();
    ctx.response().putHeader("Retry-After", String.valueOf(r.retryAfterSeconds()));
    ApiReplies.error(ctx, 429, ApiError.RATE_LIMIT,
        "Too many requests, retry in " + r.retryAfterSeconds() + " second(s)");
    return true;
  }

  /** CERTAIN labels (seed doc, "Generic errors"), all with HTTP 500. */
  static boolean serverError(RoutingContext ctx, AccengageScenario scenario, UserState user, ApiRoute route,
      Long page, long call, StatsCounters counters) {
    ServerError e = scenario.serverError();
    if (e == null || !fires("500 " + e.label(), e.page(), e.call(), e.times(), user, route, page, call)) return false;
    counters.serverError(e.label());
    ApiReplies.error(ctx, 500, e.label(), message(e.label()));
    return true;
  }

  private static boolean fires(String kind, Integer onPage, Integer onCall, int times, UserState user,
      ApiRoute route, Long page, long call) {
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
