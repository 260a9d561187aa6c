package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.kit.Unanswered;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small JSON answers in the ASP.NET style the clients expect ({@code {"Message": ...}}). */
final class MessageReplies {
  static final String JSON_UTF8 = "application/json; charset=utf-8";

  private MessageReplies() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended() || ctx.response().closed()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON_UTF8).end(body.encode());
  }

  static void message(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("Message", message));
  }

  /**
   * Answers a call the random fault mode picked (never {@link FaultDice.Call#SERVE}): a server
   * error with the §2.6 fault body, a 429 with {@code Retry-After}, or no answer at all (held, then
   * the connection is closed). Counts it.
   */
  static void randomFault(
      RoutingContext ctx, FaultDice.Call call, RandomFaults faults, StatsCounters counters) {
    counters.faults.random(FaultDice.kind(call));
    switch (call) {
      case SERVER_ERROR -> message(ctx, faults.serverErrorStatus(), "An error has occurred.");
      case RATE_LIMIT -> {
        ctx.response().putHeader("Retry-After", String.valueOf(faults.retryAfterSeconds()));
        message(ctx, 429, "Too many requests.");
      }
      case TIMEOUT -> Unanswered.holdThenClose(ctx, faults.timeoutHoldMs());
      case SERVE -> throw new IllegalArgumentException("not a fault");
    }
  }
}
