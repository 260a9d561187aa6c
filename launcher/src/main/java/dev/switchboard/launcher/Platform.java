package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.kafka.embedded.EmbeddedKafkaBroker;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.runtime.Switchboard;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code switchboard run} starts, in order: the embedded broker when no bootstrap is
 * configured, the sandbox and demo connections when no connection is configured, the runtime, and
 * the ops HTTP server. Stopped in reverse order.
 */
public final class Platform implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  /**
   * @param config the loaded configuration
   * @param dataDir where the embedded broker keeps its data, and the instance its identity, across
   *     restarts
   * @param kafkaPort port of the embedded broker
   */
  public record Options(SwitchboardConfig config, Path dataDir, int kafkaPort) {}

  private final Vertx vertx = Vertx.vertx();
  private EmbeddedKafkaBroker broker;
  private Sandbox sandbox;
  private Switchboard switchboard;
  private BrokerProbe probe;
  private HttpServer ops;
  private String bootstrap;
  private String instanceId;
  private AutoCloseable processMetrics;
  private Map<String, Map<String, ObjectNode>> connections;

  private Platform() {}

  public static Platform start(Options o) throws Exception {
    Platform p = new Platform();
    try {
      p.startAll(o);
      return p;
    } catch (Exception e) {
      p.close();
      throw e;
    }
  }

  private void startAll(Options o) throws Exception {
    SwitchboardConfig cfg = o.config();
    bootstrap = cfg.bootstrap();
    if (bootstrap == null) {
      broker = EmbeddedKafkaBroker.start(o.dataDir().resolve("kafka"), o.kafkaPort());
      bootstrap = broker.bootstrapServers();
    }
    connections = cfg.connections();
    if (connections.isEmpty()) {
      // The demo: every simulator on the class path, and connections to the demo tenants of
      // those whose connector is on it too (a simulator may land before its connector).
      sandbox = await(Sandbox.start(vertx, SandboxConfig.demo()));
      connections = sandbox.demoConnections();
      connections.keySet().retainAll(Switchboard.discover().keySet());
    }
    Metrics metrics = new Metrics();
    String version = Platform.class.getPackage().getImplementationVersion();
    processMetrics = metrics.bindProcess(version != null ? version : "dev");
    instanceId = InstanceIdentity.resolve(System.getenv(), o.dataDir());
    RuntimeSettings settings = cfg.settings(bootstrap).withInstanceId(instanceId);
    switchboard =
        await(Switchboard.start(vertx, settings, connections, Clock.systemUTC(), metrics));
    probe = BrokerProbe.start(vertx, bootstrap, settings.kafka());
    ops =
        await(
            OpsServer.start(
                vertx, cfg.httpPort(), () -> switchboard.ready() && probe.reachable(), metrics));
    LOG.info(
        "event=platform.started bootstrap={} http={} providers={} instance={}",
        bootstrap,
        ops.actualPort(),
        connections.keySet(),
        instanceId);
  }

  public String bootstrap() {
    return bootstrap;
  }

  /** The static-membership identity of this instance ({@link InstanceIdentity}). */
  public String instanceId() {
    return instanceId;
  }

  public int httpPort() {
    return ops.actualPort();
  }

  public Map<String, Map<String, ObjectNode>> connections() {
    return connections;
  }

  public boolean demo() {
    return sandbox != null;
  }

  /** The demo sandbox, or null when connections were configured. */
  public Sandbox sandbox() {
    return sandbox;
  }

  public Switchboard switchboard() {
    return switchboard;
  }

  @Override
  public void close() {
    try {
      if (switchboard != null) {
        await(switchboard.stop());
      }
      if (probe != null) {
        probe.close();
      }
      if (sandbox != null) {
        await(sandbox.close());
      }
      await(vertx.close());
      if (processMetrics != null) {
        processMetrics.close();
      }
    } catch (Exception e) {
      LOG.warn("event=platform.stop_failed error={}", e.toString());
    }
    if (broker != null) {
      broker.close();
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
