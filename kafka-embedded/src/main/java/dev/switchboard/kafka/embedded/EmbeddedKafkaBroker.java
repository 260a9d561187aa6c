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
 * committed offsets, the cluster id and the ports.
 *
 * <p>A fatal broker fault does not kill the JVM: the first {@code start} replaces Kafka's
 * exit and halt procedures, JVM-wide, with ones that throw on the faulting thread. A fault while
 * a broker starts (in any embedded broker of this JVM) makes {@code start} throw.
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
     * Formats {@code dataDir} if it is new, starts the broker and returns once an admin client
     * sees it (at most about 30 s, else {@link IllegalStateException}).
     *
     * @param dataDir    created if missing; reused as is if already formatted
     * @param brokerPort the client port; 0 keeps the port this dir used before, or picks a free one
     * @param overrides  broker settings that replace the single-node defaults
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, Map<String, String> overrides) {
        KafkaExitGuard.install();
        long began = System.nanoTime();
        int faultMark = KafkaExitGuard.mark();
        KafkaNodeDir dir = KafkaNodeDir.open(dataDir, brokerPort);
        KafkaRaftServer server;
        try {
            dir.formatIfNeeded();
            server = new KafkaRaftServer(KafkaConfig.fromProps(dir.serverProperties(overrides), false), Time.SYSTEM);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare Kafka broker in " + dir.dataDir + ": " + e.getMessage(), e);
        }
        // startup() blocks until the broker is unfenced; a fault on another Kafka thread can leave it
        // blocked for good, so it runs on its own thread and this one waits with a deadline.
        CompletableFuture<Void> startup = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.startup();
                startup.complete(null);
            } catch (Throwable t) {
                startup.completeExceptionally(t);
            }
        }, "switchboard-kafka-startup");
        starter.setDaemon(true);
        starter.start();
        try {
            KafkaReadiness.await(KafkaNodeDir.HOST, dir.brokerPort, KafkaReadiness.START_TIMEOUT, () -> {
                Throwable fault = KafkaExitGuard.faultSince(faultMark);
                return fault != null ? fault : startup.handle((ok, failed) -> failed).getNow(null);
            });
            // Clients may be served a moment before startup() returns; close() must not race with it.
            startup.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stopQuietly(server);
            throw new IllegalStateException("Kafka broker in " + dir.dataDir + " did not finish starting", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(server);
            throw new IllegalStateException("Interrupted starting Kafka broker in " + dir.dataDir, e);
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw e;
        }
        LOG.info("Kafka broker {} started in {} ms (data dir {})", dir.bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - began).toMillis(), dir.dataDir);
        return new EmbeddedKafkaBroker(dir, server);
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
        Thread stopper = new Thread(() -> {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (Throwable t) {
                LOG.warn("Kafka broker did not shut down cleanly after a failed start", t);
            }
        }, "switchboard-kafka-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
