package dev.switchboard.launcher;

import dev.switchboard.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.function.BooleanSupplier;

/**
 * {@code /health} (the process is up), {@code /ready} (broker reachable and every connector
 * consuming) and {@code /metrics} (Prometheus text format).
 */
final class OpsServer {
  private OpsServer() {}

  static Future<HttpServer> start(Vertx vertx, int port, BooleanSupplier ready, Metrics metrics) {
    return vertx
        .createHttpServer()
        .requestHandler(
            req -> {
              switch (req.path()) {
                case "/health" ->
                    req.response()
                        .putHeader("Content-Type", "application/json")
                        .end("{\"status\":\"UP\"}");
                case "/ready" -> {
                  boolean ok = ready.getAsBoolean();
                  req.response()
                      .setStatusCode(ok ? 200 : 503)
                      .putHeader("Content-Type", "application/json")
                      .end(ok ? "{\"status\":\"READY\"}" : "{\"status\":\"NOT_READY\"}");
                }
                case "/metrics" ->
                    req.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(metrics.scrape());
                default -> req.response().setStatusCode(404).end();
              }
            })
        .listen(port, "0.0.0.0");
  }
}
