package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.ScenarioJson;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * {@code /_sandbox/*}: runtime control for tests and demos over HTTP, mirroring the Java API of
 * {@link AccountsIqSimulator}. Not part of the provider's API. Tenants are named by companyID or
 * clientId, which are identifiers, not secrets.
 */
final class ControlEndpoints {
  private static final String JSON = "application/json; charset=utf-8";
  private final AccountsIqSimulator simulator;

  ControlEndpoints(AccountsIqSimulator simulator) {
    this.simulator = simulator;
  }

  void mount(Router router) {
    router.get("/_sandbox/stats").handler(ctx -> send(ctx, 200, ScenarioJson.toJson(simulator.stats())));
    router.get("/_sandbox/scenarios/:tenant").handler(ctx -> withTenant(ctx, key ->
        send(ctx, 200, ScenarioJson.toJson(simulator.scenario(key)))));
    router.put("/_sandbox/scenarios/:tenant").handler(ctx -> withTenant(ctx, key -> {
      AccountsIqScenario s;
      try {
        s = ScenarioCodec.JSON.parse(ctx.body().asString());
      } catch (IllegalArgumentException e) {
        send(ctx, 400, new JsonObject().put("message", e.getMessage()).encode());
        return;
      }
      simulator.setScenario(key, s);
      send(ctx, 200, ScenarioJson.toJson(s));
    }));
    router.delete("/_sandbox/scenarios/:tenant").handler(ctx -> withTenant(ctx, key -> {
      simulator.setScenario(key, AccountsIqScenario.none());
      ctx.response().setStatusCode(204).end();
    }));
    router.post("/_sandbox/tokens/expire").handler(ctx -> {
      simulator.expireAllTokens();
      send(ctx, 200, new JsonObject().put("expired", true).encode());
    });
  }

  private void withTenant(RoutingContext ctx, Consumer<String> action) {
    String key = ctx.pathParam("tenant");
    if (!simulator.hasTenant(key)) {
      send(ctx, 404, new JsonObject().put("message", "No tenant " + key).encode());
      return;
    }
    action.accept(key);
  }

  private static void send(RoutingContext ctx, int status, String json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(json);
  }
}
