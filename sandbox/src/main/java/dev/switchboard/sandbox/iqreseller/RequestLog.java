package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.SecretTag;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug line per request. API keys and session tokens never appear: handlers record a short
 * hash tag instead, and the API key in a control path is replaced by its tag.
 */
final class RequestLog {
  static final String TENANT = "iqr.tenant";
  static final String SESSION = "iqr.session";
  private static final Logger LOG = LoggerFactory.getLogger("dev.switchboard.sandbox.iqreseller.requests");
  private static final String SCENARIOS = "/_sandbox/scenarios/";

  private RequestLog() {}

  static void handle(RoutingContext ctx) {
    if (LOG.isDebugEnabled()) {
      long started = System.nanoTime();
      ctx.addEndHandler(done -> LOG.debug("{} {} -> {} in {} ms tenant={} session={}",
          ctx.request().method(), safePath(ctx.request().path()), ctx.response().getStatusCode(),
          (System.nanoTime() - started) / 1_000_000, ctx.get(TENANT, "-"), ctx.get(SESSION, "-")));
    }
    ctx.next();
  }

  static String safePath(String path) {
    if (path == null || !path.startsWith(SCENARIOS)) return path;
    return SCENARIOS + SecretTag.of(path.substring(SCENARIOS.length()));
  }
}
