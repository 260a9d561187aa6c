package dev.switchboard.sandbox.iqreseller;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small JSON answers in the ASP.NET style the clients expect ({@code {"Message": ...}}). */
final class Replies {
  static final String JSON_UTF8 = "application/json; charset=utf-8";

  private Replies() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended() || ctx.response().closed()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON_UTF8).end(body.encode());
  }

  static void message(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("Message", message));
  }
}
