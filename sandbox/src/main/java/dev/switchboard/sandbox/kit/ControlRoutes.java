package dev.switchboard.sandbox.kit;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sandbox's own routes, the same on every simulator and not part of any provider's API: {@code
 * GET /_sandbox/stats}, {@code GET|PUT|DELETE /_sandbox/scenarios/{tenant}} and test hooks such as
 * {@code POST /_sandbox/tokens/expire}. They mirror the simulators' Java API for tests and demos in
 * other processes. Errors come in the provider's own error shape, so a client that reads them as
 * the provider's is not misled.
 *
 * @param <S> the simulator's scenario record
 */
public final class ControlRoutes<S> {
  /** Writes an error in the provider's shape. */
  public interface ErrorReply {
    void send(RoutingContext ctx, int status, String message);
  }

  private static final String JSON_UTF8 = "application/json; charset=utf-8";
  private final TenantRegistry<? extends ScenarioState<S>> tenants;
  private final ScenarioJson<S> json;
  private final Supplier<?> stats;
  private final ErrorReply errors;
  private final Map<String, Runnable> hooks = new LinkedHashMap<>();
  private TraceLog traces;

  public ControlRoutes(
      TenantRegistry<? extends ScenarioState<S>> tenants,
      ScenarioJson<S> json,
      Supplier<?> stats,
      ErrorReply errors) {
    this.tenants = tenants;
    this.json = json;
    this.stats = stats;
    this.errors = errors;
  }

  /**
   * Adds {@code POST /_sandbox/<path>}, which runs {@code action} and answers {@code
   * {"expired":true}}.
   */
  public ControlRoutes<S> hook(String path, Runnable action) {
    hooks.put(path, action);
    return this;
  }

  /**
   * Remembers the trace context of the provider requests in {@code log} and serves it at {@code GET
   * /_sandbox/traces} ({@code DELETE} forgets it).
   */
  public ControlRoutes<S> traces(TraceLog log) {
    this.traces = log;
    return this;
  }

  /** Mounts the routes; put them before the provider's catch-all routes. */
  public void mount(Router router) {
    // Its own body handler: some simulators read the raw body themselves, after these routes.
    router.route("/_sandbox/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    router.get("/_sandbox/stats").handler(ctx -> send(ctx, 200, ScenarioJson.toJson(stats.get())));
    if (traces != null) {
      TraceLog log = traces;
      router.route().handler(log);
      router
          .get("/_sandbox/traces")
          .handler(ctx -> send(ctx, 200, ScenarioJson.toJson(log.entries())));
      router
          .delete("/_sandbox/traces")
          .handler(
              ctx -> {
                log.clear();
                ctx.response().setStatusCode(204).end();
              });
    }
    router
        .get("/_sandbox/scenarios/:tenant")
        .handler(ctx -> withTenant(ctx, t -> send(ctx, 200, ScenarioJson.toJson(t.scenario()))));
    router
        .put("/_sandbox/scenarios/:tenant")
        .handler(
            ctx ->
                withTenant(
                    ctx,
                    t -> {
                      S s;
                      try {
                        s = json.parse(ctx.body().asString());
                      } catch (IllegalArgumentException e) {
                        errors.send(ctx, 400, e.getMessage());
                        return;
                      }
                      t.setScenario(s);
                      send(ctx, 200, ScenarioJson.toJson(t.scenario()));
                    }));
    router
        .delete("/_sandbox/scenarios/:tenant")
        .handler(
            ctx ->
                withTenant(
                    ctx,
                    t -> {
                      t.setScenario(null);
                      ctx.response().setStatusCode(204).end();
                    }));
    hooks.forEach(
        (path, action) ->
            router
                .post("/_sandbox/" + path)
                .handler(
                    ctx -> {
                      action.run();
                      send(ctx, 200, "{\"expired\":true}");
                    }));
  }

  private void withTenant(RoutingContext ctx, Consumer<ScenarioState<S>> action) {
    String key = ctx.pathParam("tenant");
    ScenarioState<S> t = tenants.find(key);
    if (t == null) {
      errors.send(ctx, 404, "No tenant " + tenants.label(key));
      return;
    }
    action.accept(t);
  }

  private static void send(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON_UTF8).end(body);
  }
}
