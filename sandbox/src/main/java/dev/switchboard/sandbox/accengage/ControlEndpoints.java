package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.ScenarioJson;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * {@code /_sandbox/*}: runtime control for tests and demos over HTTP, mirroring the Java API of
 * {@link AccengageSimulator}. Not part of the provider's API: no signature, no token.
 */
final class ControlEndpoints {
  private final AccengageSimulator simulator;

  ControlEndpoints(AccengageSimulator simulator) {
    this.simulator = simulator;
  }

  void mount(Router router) {
    router.get("/_sandbox/stats").handler(ctx -> send(ctx, 200, ScenarioJson.toJson(simulator.stats())));
    router.get("/_sandbox/scenarios/:email").handler(ctx -> withUser(ctx, email ->
        send(ctx, 200, ScenarioJson.toJson(simulator.scenario(email)))));
    router.put("/_sandbox/scenarios/:email").handler(ctx -> withUser(ctx, email -> {
      AccengageScenario s;
      try {
        s = ScenarioCodec.JSON.parse(RawBody.of(ctx).toString());
      } catch (IllegalArgumentException e) {
        ApiReplies.error(ctx, 400, ApiError.SANDBOX_SCENARIO, e.getMessage());
        return;
      }
      simulator.setScenario(email, s);
      send(ctx, 200, ScenarioJson.toJson(s));
    }));
    router.delete("/_sandbox/scenarios/:email").handler(ctx -> withUser(ctx, email -> {
      simulator.setScenario(email, AccengageScenario.none());
      ctx.response().setStatusCode(204).end();
    }));
    router.post("/_sandbox/tokens/expire").handler(ctx -> {
      simulator.expireAllTokens();
      send(ctx, 200, "{\"expired\":true}");
    });
  }

  private void withUser(RoutingContext ctx, Consumer<String> action) {
    String email = ctx.pathParam("email");
    if (!simulator.hasUser(email)) {
      ApiReplies.error(ctx, 404, ApiError.SANDBOX_SCENARIO, "No Accengage user " + email);
      return;
    }
    action.accept(email);
  }

  private static void send(RoutingContext ctx, int status, String json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", ApiReplies.JSON_UTF8).end(json);
  }
}
