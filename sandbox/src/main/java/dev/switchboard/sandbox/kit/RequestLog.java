package dev.switchboard.sandbox.kit;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug line per request on logger {@code dev.switchboard.sandbox.<simulator>.requests}:
 * method, path (never the query), status, time, then the fields handlers {@link #note noted}, e.g.
 * {@code tenant=acme session=#1a2b3c4d}. Headers and bodies are never logged, and handlers note a
 * {@link SecretTag} instead of a token, so credentials never appear.
 */
public final class RequestLog implements Handler<RoutingContext> {
  private static final String PREFIX = "requestLog.";
  private static final String SCENARIOS = "/_sandbox/scenarios/";
  private final Logger log;
  private final String[] fields;
  private final String format;
  private final boolean secretTenantKeys;

  private RequestLog(String simulatorId, boolean secretTenantKeys, String... fields) {
    this.log = LoggerFactory.getLogger("dev.switchboard.sandbox." + simulatorId + ".requests");
    this.fields = fields.clone();
    StringBuilder f = new StringBuilder("{} {} -> {} in {} ms");
    for (String field : fields) f.append(' ').append(field).append("={}");
    this.format = f.toString();
    this.secretTenantKeys = secretTenantKeys;
  }

  /** A log that prints {@code fields} in this order ("-" for one not noted). */
  public static RequestLog of(String simulatorId, String... fields) {
    return new RequestLog(simulatorId, false, fields);
  }

  /**
   * Likewise, for a simulator whose tenants are named by a secret (an API key): control paths show
   * its tag.
   */
  public static RequestLog withSecretTenantKeys(String simulatorId, String... fields) {
    return new RequestLog(simulatorId, true, fields);
  }

  /** Records {@code value} as this request's {@code field}. */
  public static void note(RoutingContext ctx, String field, String value) {
    ctx.put(PREFIX + field, value);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (log.isDebugEnabled()) {
      long started = System.nanoTime();
      ctx.addEndHandler(
          done -> {
            Object[] args = new Object[4 + fields.length];
            args[0] = ctx.request().method();
            args[1] = safePath(ctx.request().path());
            args[2] = ctx.response().getStatusCode();
            args[3] = (System.nanoTime() - started) / 1_000_000;
            for (int i = 0; i < fields.length; i++) args[4 + i] = ctx.get(PREFIX + fields[i], "-");
            log.debug(format, args);
          });
    }
    ctx.next();
  }

  private String safePath(String path) {
    if (!secretTenantKeys || path == null || !path.startsWith(SCENARIOS)) return path;
    return SCENARIOS + SecretTag.of(path.substring(SCENARIOS.length()));
  }
}
