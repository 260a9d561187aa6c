package dev.switchboard.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same single-node KRaft broker as {@link EmbeddedKafkaBroker}, but in a child JVM ({@code java
 * -cp <this JVM's class path>}, Kafka's own server in it), so it can be killed with {@code kill -9}
 * to test crash recovery, or measured apart from the code under test.
 *
 * <p>The dir is formatted in this JVM; the child's stdout and stderr are appended to {@code
 * broker.log} in the data dir. A shutdown hook kills the child if this JVM exits first. Ports
 * follow the rules of {@link EmbeddedKafkaBroker#start(Path, int, Map)}: a start, or a restart,
 * whose child cannot bind a port this code chose is retried with new ones.
 */
public final class ChildJvmKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChildJvmKafkaBroker.class);

  private final KafkaChildNode node;

  private ChildJvmKafkaBroker(KafkaChildNode node) {
    this.node = node;
  }

  /** Starts a child broker with a 256 MiB heap; see {@link #start(Path, int, String, Map)}. */
  public static ChildJvmKafkaBroker start(Path dataDir, int brokerPort) {
    return start(dataDir, brokerPort, "256m", Map.of());
  }

  /**
   * Formats {@code dataDir} if new, starts the child JVM and returns once an admin client sees the
   * broker (at most about 30 s, else {@link IllegalStateException} with the tail of the log).
   *
   * @param brokerPort the client port; 0 keeps the port this dir used before, or picks a free one
   * @param maxHeap the child's {@code -Xmx} value, such as {@code "256m"} or {@code "1g"}
   * @param overrides broker settings that replace the single-node defaults
   */
  public static ChildJvmKafkaBroker start(
      Path dataDir, int brokerPort, String maxHeap, Map<String, String> overrides) {
    KafkaNodeDir dir = KafkaNodeDir.open(dataDir, brokerPort);
    // Fast re-registration after kill -9: otherwise the restarted broker waits ~12 s for the old
    // session to expire.
    Map<String, String> settings =
        new HashMap<>(
            Map.of(
                "broker.session.timeout.ms", "2000",
                "broker.heartbeat.interval.ms", "500"));
    settings.putAll(overrides);
    try {
      dir.formatIfNeeded();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot prepare Kafka broker in " + dir.dataDir + ": " + e.getMessage(), e);
    }
    ChildJvmKafkaBroker broker =
        new ChildJvmKafkaBroker(new KafkaChildNode(dir, maxHeap, List.of(), settings));
    broker.launch();
    return broker;
  }

  /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}; stays the same across restarts. */
  public String bootstrapServers() {
    return node.dir().bootstrapServers();
  }

  /** The data dir given to {@code start}, as an absolute path. */
  public Path dataDir() {
    return node.dir().dataDir;
  }

  /** The child's combined stdout and stderr, appended across restarts. */
  public Path logFile() {
    return node.logFile();
  }

  /** Kills the child at once ({@code kill -9}): no flush, no controlled shutdown. */
  public synchronized void kill() {
    node.kill();
  }

  /**
   * Starts the broker again on the same dir and broker port (stopping it first if it still runs).
   */
  public synchronized void restart() {
    close();
    launch();
  }

  /**
   * Stops the child gracefully (SIGTERM, then kill -9 after 30 s). The data dir is kept.
   * Idempotent.
   */
  @Override
  public synchronized void close() {
    node.stop();
  }

  private synchronized void launch() {
    long began = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      KafkaNodeDir dir = node.dir();
      dir.requireFixedPortsFree();
      node.launch(dir.voter());
      try {
        KafkaReadiness.await(dir, KafkaReadiness.START_TIMEOUT, node::failure);
        // Clients now have the broker port: a restart keeps it.
        node.moveTo(dir.announced());
        break;
      } catch (RuntimeException e) {
        node.kill();
        if (!KafkaPorts.isBindFailure(e) || attempt == KafkaPorts.MAX_ATTEMPTS) {
          throw e;
        }
        node.moveTo(dir.withNewPorts());
        LOG.warn(
            "Kafka child JVM in {} could not bind its ports (broker {}, controller {}); retrying with broker {}, controller {}",
            dir.dataDir,
            dir.brokerPort,
            dir.controllerPort,
            node.dir().brokerPort,
            node.dir().controllerPort);
      }
    }
    LOG.info(
        "Kafka child JVM {} ready at {} in {} ms (log {})",
        node.pid(),
        bootstrapServers(),
        Duration.ofNanos(System.nanoTime() - began).toMillis(),
        node.logFile());
  }
}
