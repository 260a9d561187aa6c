package dev.switchboard.sandbox.accountsiq;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug line per request: method, path, operation, status, time, tenant key and a hash tag of
 * the token. Bodies are never logged, so partnerKey, userKey, clientSecret and tokens never are.
 */
final class RequestLog {
  static final String OPERATION = "aiq.operation";
  static final String TENANT = "aiq.tenant";
  static final String TOKEN = "aiq.token";
  static final String OUTCOME = "aiq.outcome";
  private static final Logger LOG = LoggerFactory.getLogger("dev.switchboard.sandbox.accountsiq.requests");

  private RequestLog() {}

  static void handle(RoutingContext ctx) {
    if (LOG.isDebugEnabled()) {
      long started = System.nanoTime();
      ctx.addEndHandler(done -> LOG.debug("{} {} op={} -> {} {} in {} ms tenant={} token={}",
          ctx.request().method(), ctx.request().path(), ctx.get(OPERATION, "-"), ctx.response().getStatusCode(),
          ctx.get(OUTCOME, "-"), (System.nanoTime() - started) / 1_000_000, ctx.get(TENANT, "-"),
          ctx.get(TOKEN, "-")));
    }
    ctx.next();
  }
}
