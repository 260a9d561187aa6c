package dev.switchboard.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running inside this JVM: one KRaft node that is both broker and
 * controller, listening on {@code 127.0.0.1}.
 *
 * <p>The data dir survives restarts: starting again on the same dir keeps topics, records,
 * committed offsets, the cluster id and the broker port. Ports this code chose itself move if
 * another process took them first (see {@link #start(Path, int, Map)}).
 *
 * <p>A fatal broker fault does not kill the JVM: the first {@code start} replaces Kafka's exit and
 * halt procedures, JVM-wide, with ones that throw on the faulting thread. A fault while a broker
 * starts (in any embedded broker of this JVM) makes {@code start} throw.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final KafkaNodeDir dir;
  private final KafkaRaftServer server;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaNodeDir dir, KafkaRaftServer server) {
    this.dir = dir;
    this.server = server;
  }

  /** Same as {@link #start(Path, int, Map)} without overrides. */
  public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort) {
    return start(dataDir, brokerPort, Map.of());
  }

  /**
   * Formats {@code dataDir} if it is new, starts the broker and returns once an admin client sees
   * it (at most about 30 s, else {@link IllegalStateException}).
   *
   * <p>If the broker cannot bind a port this code chose (a new dir's ports, or the stored
   * controller port), the start is retried with newly chosen ports, which are then kept. A port
   * given by the caller, or the broker port kept from an earlier start, never moves: the start
   * fails with a message naming it.
   *
   * @param dataDir created if missing; reused as is if already formatted
   * @param brokerPort the client port; 0 keeps the port this dir used before, or picks a free one
   * @param overrides broker settings that replace the single-node defaults
   */
  public static EmbeddedKafkaBroker start(
      Path dataDir, int brokerPort, Map<String, String> overrides) {
    KafkaExitGuard.install();
    long began = System.nanoTime();
    KafkaNodeDir dir = KafkaNodeDir.open(dataDir, brokerPort);
    for (int attempt = 1; ; attempt++) {
      dir.requireFixedPortsFree();
      try {
        KafkaRaftServer server = startOnce(dir, overrides);
        LOG.info(
            "Kafka broker {} started in {} ms (data dir {})",
            dir.bootstrapServers(),
            Duration.ofNanos(System.nanoTime() - began).toMillis(),
            dir.dataDir);
        return new EmbeddedKafkaBroker(dir, server);
      } catch (IllegalStateException e) {
        if (!KafkaPorts.isBindFailure(e) || attempt == KafkaPorts.MAX_ATTEMPTS) {
          throw e;
        }
        KafkaNodeDir moved = dir.withNewPorts();
        LOG.warn(
            "Kafka broker in {} could not bind its ports (broker {}, controller {}); retrying with broker {}, controller {}",
            dir.dataDir,
            dir.brokerPort,
            dir.controllerPort,
            moved.brokerPort,
            moved.controllerPort);
        dir = moved;
      }
    }
  }

  /**
   * One start with the ports of {@code dir}; a failure is an IllegalStateException with Kafka's
   * cause inside.
   */
  private static KafkaRaftServer startOnce(KafkaNodeDir dir, Map<String, String> overrides) {
    int faultMark = KafkaExitGuard.mark();
    KafkaRaftServer server;
    try {
      dir.formatIfNeeded();
      server =
          new KafkaRaftServer(
              KafkaConfig.fromProps(dir.serverProperties(overrides), false), Time.SYSTEM);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot prepare Kafka broker in " + dir.dataDir + ": " + e.getMessage(), e);
    }
    // startup() blocks until the broker is unfenced; a fault on another Kafka thread can leave it
    // blocked for good, so it runs on its own thread and this one waits with a deadline.
    CompletableFuture<Void> startup = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                // A controller that cannot bind its port asks for a halt first: see
                // KafkaExitGuard.runStartup.
                KafkaExitGuard.runStartup(server::startup);
                startup.complete(null);
              } catch (Throwable t) {
                startup.completeExceptionally(t);
              }
            },
            "switchboard-kafka-startup");
    starter.setDaemon(true);
    starter.start();
    try {
      KafkaReadiness.await(
          dir,
          KafkaReadiness.START_TIMEOUT,
          () -> {
            Throwable fault = KafkaExitGuard.faultSince(faultMark);
            return fault != null ? fault : startup.handle((ok, failed) -> failed).getNow(null);
          });
      // Clients may be served a moment before startup() returns; close() must not race with it.
      startup.get(10, TimeUnit.SECONDS);
      return server;
    } catch (ExecutionException | TimeoutException e) {
      stopQuietly(server);
      throw new IllegalStateException(
          "Kafka broker in " + dir.dataDir + " did not finish starting",
          e instanceof ExecutionException ? e.getCause() : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(server);
      throw new IllegalStateException("Interrupted starting Kafka broker in " + dir.dataDir, e);
    } catch (RuntimeException e) {
      // Stopped before a retry too: the failed server still holds the log dir lock and the ports it
      // did bind.
      stopQuietly(server);
      throw e;
    }
  }

  /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return dir.bootstrapServers();
  }

  /** The data dir given to {@code start}, as an absolute path. */
  public Path dataDir() {
    return dir.dataDir;
  }

  /** Shuts the broker down gracefully and waits until it has; the data dir is kept. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
  }

  private static void stopQuietly(KafkaRaftServer server) {
    // Best effort after a failed start, bounded so a wedged broker cannot hang the caller.
    Thread stopper =
        new Thread(
            () -> {
              try {
                server.shutdown();
                server.awaitShutdown();
              } catch (Throwable t) {
                LOG.warn("Kafka broker did not shut down cleanly after a failed start", t);
              }
            },
            "switchboard-kafka-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
