package dev.switchboard.sandbox.accengage;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Collects the exact request body bytes, which the signature covers (§3.2: "rawBody is the exact
 * bytes sent"). Used instead of Vert.x Web's BodyHandler because that one answers {@code 100
 * Continue} by itself, which would defeat {@link AccengageSettings#expectContinue()}.
 */
final class RawBody {
  static final String KEY = "accengage.rawBody";
  static final int LIMIT = 1 << 20;

  private RawBody() {}

  static void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (req.isEnded()) {
      ctx.put(KEY, Buffer.buffer());
      ctx.next();
      return;
    }
    Buffer body = Buffer.buffer();
    req.handler(
        chunk -> {
          if (body.length() + chunk.length() > LIMIT) {
            req.handler(null);
            req.endHandler(null);
            ctx.response().endHandler(done -> req.connection().close());
            ApiReplies.error(
                ctx, 413, ApiError.FORMAT, "Request body larger than " + LIMIT + " bytes");
            return;
          }
          body.appendBuffer(chunk);
        });
    req.endHandler(
        v -> {
          ctx.put(KEY, body);
          ctx.next();
        });
    req.exceptionHandler(ctx::fail);
    req.resume();
  }

  /** The collected body; empty for a body-less request. */
  static Buffer of(RoutingContext ctx) {
    Buffer b = ctx.get(KEY);
    return b == null ? Buffer.buffer() : b;
  }
}
