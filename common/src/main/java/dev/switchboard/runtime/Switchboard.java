package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.spi.ProviderConnector;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The platform in one process: a {@link ConnectorHost} per provider that has connections
 * configured, each consuming its commands topic. Several processes with the same settings form one
 * consumer group per provider and share the partitions.
 */
public final class Switchboard {
  private final Vertx vertx;
  private final List<String> deployments;
  private final List<ConnectorHost<?>> hosts;
  private final Metrics metrics;
  private final Promise<RuntimeException> fatal;

  private Switchboard(
      Vertx vertx,
      List<String> deployments,
      List<ConnectorHost<?>> hosts,
      Metrics metrics,
      Promise<RuntimeException> fatal) {
    this.vertx = vertx;
    this.deployments = deployments;
    this.hosts = hosts;
    this.metrics = metrics;
    this.fatal = fatal;
  }

  /** Connectors on the class path, by id, found with {@link ServiceLoader}. */
  @SuppressWarnings("rawtypes")
  public static Map<String, ProviderConnector<?>> discover() {
    Map<String, ProviderConnector<?>> found = new TreeMap<>();
    for (ProviderConnector c : ServiceLoader.load(ProviderConnector.class)) {
      found.put(c.id(), c);
    }
    return found;
  }

  /**
   * Starts a host per provider named in {@code connections} (provider id, then connection id, then
   * its raw config).
   */
  public static Future<Switchboard> start(
      Vertx vertx,
      RuntimeSettings settings,
      Map<String, Map<String, ObjectNode>> connections,
      Clock clock,
      Metrics metrics) {
    Map<String, ProviderConnector<?>> available = discover();
    for (String provider : connections.keySet()) {
      if (!available.containsKey(provider)) {
        return Future.failedFuture(
            new IllegalArgumentException(
                "no connector '"
                    + provider
                    + "' on the class path; available: "
                    + available.keySet()));
      }
    }
    List<ConnectorHost<?>> hosts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Promise<RuntimeException> fatal = Promise.promise();
    Future<Void> chain = Future.succeededFuture();
    for (var e : connections.entrySet()) {
      ConnectorHost<?> host =
          new ConnectorHost<>(
              available.get(e.getKey()),
              e.getValue(),
              settings,
              metrics,
              clock,
              fatal::tryComplete);
      hosts.add(host);
      chain =
          chain.compose(
              v ->
                  vertx
                      .deployVerticle(host)
                      .map(
                          id -> {
                            ids.add(id);
                            return null;
                          }));
    }
    return chain.map(v -> new Switchboard(vertx, ids, hosts, metrics, fatal));
  }

  /**
   * Completes, with the cause, when this instance can no longer do its job and must stop: its
   * identity ({@link RuntimeSettings#instanceId()}) was taken by another live instance, which now
   * owns its partitions. A process should exit with an error rather than run on idle.
   */
  public Future<RuntimeException> fatal() {
    return fatal.future();
  }

  /**
   * True when every provider's consumer runs and has joined its group with an assignment (so a
   * restarted instance is not ready while it still waits for its partitions).
   */
  public boolean ready() {
    return hosts.stream().allMatch(ConnectorHost::ready);
  }

  public Metrics metrics() {
    return metrics;
  }

  /** Graceful stop: drain, commit, log out of providers, flush results. */
  public Future<Void> stop() {
    List<Future<?>> stops = new ArrayList<>();
    deployments.forEach(id -> stops.add(vertx.undeploy(id)));
    return Future.join(stops).mapEmpty();
  }
}
