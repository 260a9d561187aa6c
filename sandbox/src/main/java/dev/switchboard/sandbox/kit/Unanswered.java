package dev.switchboard.sandbox.kit;

import io.vertx.ext.web.RoutingContext;

/** Ways of not answering a request, for timeouts and lost answers. Never blocks the event loop. */
public final class Unanswered {
  private Unanswered() {}

  /** Closes the request's connection now, without an answer. */
  public static void close(RoutingContext ctx) {
    if (!ctx.response().closed() && !ctx.response().ended()) ctx.request().connection().close();
  }

  /**
   * Holds the request for {@code holdMs} (a timer), then closes its connection without an answer if
   * the client is still waiting: a client with a shorter request timeout has given up by then.
   */
  public static void holdThenClose(RoutingContext ctx, long holdMs) {
    if (holdMs <= 0) {
      close(ctx);
      return;
    }
    ctx.vertx().setTimer(holdMs, t -> close(ctx));
  }
}
