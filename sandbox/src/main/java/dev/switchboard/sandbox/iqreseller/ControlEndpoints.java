package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.ScenarioJson;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /_sandbox/*}: runtime control for tests and demos over HTTP, mirroring the Java API of
 * {@link IqResellerSimulator}. Not part of the provider's API.
 */
final class ControlEndpoints {
  private final IqResellerSimulator simulator;

  ControlEndpoints(IqResellerSimulator simulator) {
    this.simulator = simulator;
  }

  void mount(Router router) {
    router.get("/_sandbox/stats").handler(ctx -> send(ctx, 200, ScenarioJson.toJson(simulator.stats())));
    router.get("/_sandbox/scenarios/:apiKey").handler(ctx -> withTenant(ctx, key ->
        send(ctx, 200, ScenarioJson.toJson(simulator.scenario(key)))));
    router.put("/_sandbox/scenarios/:apiKey").handler(ctx -> withTenant(ctx, key -> {
      IqResellerScenario s;
      try {
        s = ScenarioCodec.JSON.parse(ctx.body().asString());
      } catch (IllegalArgumentException e) {
        Replies.message(ctx, 400, e.getMessage());
        return;
      }
      simulator.setScenario(key, s);
      send(ctx, 200, ScenarioJson.toJson(s));
    }));
    router.delete("/_sandbox/scenarios/:apiKey").handler(ctx -> withTenant(ctx, key -> {
      simulator.setScenario(key, IqResellerScenario.none());
      ctx.response().setStatusCode(204).end();
    }));
    router.post("/_sandbox/sessions/expire").handler(ctx -> {
      simulator.expireAllSessions();
      Replies.json(ctx, 200, new JsonObject().put("expired", true));
    });
  }

  private void withTenant(RoutingContext ctx, java.util.function.Consumer<String> action) {
    String key = ctx.pathParam("apiKey");
    if (!simulator.hasTenant(key)) {
      Replies.message(ctx, 404, "No tenant for that API key.");
      return;
    }
    action.accept(key);
  }

  private static void send(RoutingContext ctx, int status, String json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", Replies.JSON_UTF8).end(json);
  }
}
