package dev.switchboard.sandbox.accengage;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug line per request: method, path (never the query), status, time, route, user email and
 * a tag of the token. API keys, tokens and signatures never appear: headers are not logged, and
 * handlers record a short hash tag of the token instead of the token.
 */
final class RequestLog {
  static final String USER = "accengage.user";
  static final String TOKEN = "accengage.token";
  static final String ROUTE = "accengage.route";
  private static final Logger LOG = LoggerFactory.getLogger("dev.switchboard.sandbox.accengage.requests");

  private RequestLog() {}

  static void handle(RoutingContext ctx) {
    if (LOG.isDebugEnabled()) {
      long started = System.nanoTime();
      ctx.addEndHandler(done -> LOG.debug("{} {} -> {} in {} ms route={} user={} token={}",
          ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(),
          (System.nanoTime() - started) / 1_000_000, ctx.get(ROUTE, "-"), ctx.get(USER, "-"),
          ctx.get(TOKEN, "-")));
    }
    ctx.next();
  }
}
