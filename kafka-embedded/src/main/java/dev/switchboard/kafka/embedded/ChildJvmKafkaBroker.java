package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same single-node KRaft broker as {@link EmbeddedKafkaBroker}, but in a child JVM
 * ({@code java -cp <this JVM's class path> kafka.Kafka server.properties}), so it can be killed
 * with {@code kill -9} to test crash recovery, or measured apart from the code under test.
 *
 * <p>The dir is formatted in this JVM; the child's stdout and stderr are appended to
 * {@code broker.log} in the data dir. A shutdown hook kills the child if this JVM exits first.
 */
public final class ChildJvmKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildJvmKafkaBroker.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaNodeDir dir;
    private final String maxHeap;
    private final Path propertiesFile;
    private final Path logFile;
    private Process process;
    private Thread reaper;

    private ChildJvmKafkaBroker(KafkaNodeDir dir, String maxHeap) {
        this.dir = dir;
        this.maxHeap = maxHeap;
        this.propertiesFile = dir.dataDir.resolve("server.properties");
        this.logFile = dir.dataDir.resolve("broker.log");
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
     * @param maxHeap    the child's {@code -Xmx} value, such as {@code "256m"} or {@code "1g"}
     * @param overrides  broker settings that replace the single-node defaults
     */
    public static ChildJvmKafkaBroker start(Path dataDir, int brokerPort, String maxHeap, Map<String, String> overrides) {
        KafkaNodeDir dir = KafkaNodeDir.open(dataDir, brokerPort);
        // Fast re-registration after kill -9: otherwise the restarted broker waits ~12 s for the old session to expire.
        Map<String, String> settings = new HashMap<>(Map.of(
                "broker.session.timeout.ms", "2000",
                "broker.heartbeat.interval.ms", "500"));
        settings.putAll(overrides);
        try {
            dir.formatIfNeeded();
            try (Writer out = Files.newBufferedWriter(dir.dataDir.resolve("server.properties"))) {
                dir.serverProperties(settings).store(out, "Written by ChildJvmKafkaBroker; rewritten on every start");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare Kafka broker in " + dir.dataDir + ": " + e.getMessage(), e);
        }
        ChildJvmKafkaBroker broker = new ChildJvmKafkaBroker(dir, maxHeap);
        broker.launch();
        return broker;
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}; stays the same across restarts. */
    public String bootstrapServers() {
        return dir.bootstrapServers();
    }

    /** The data dir given to {@code start}, as an absolute path. */
    public Path dataDir() {
        return dir.dataDir;
    }

    /** The child's combined stdout and stderr, appended across restarts. */
    public Path logFile() {
        return logFile;
    }

    /** Kills the child at once ({@code kill -9}): no flush, no controlled shutdown. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(process, STOP_TIMEOUT);
            forget();
        }
    }

    /** Starts the broker again on the same dir and ports (stopping it first if it still runs). */
    public synchronized void restart() {
        close();
        launch();
    }

    /** Stops the child gracefully (SIGTERM, then kill -9 after 30 s). The data dir is kept. Idempotent. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            if (!waitForExit(process, STOP_TIMEOUT)) {
                LOG.warn("Kafka child JVM {} ignored SIGTERM for {}; killing it", process.pid(), STOP_TIMEOUT);
                process.destroyForcibly();
                waitForExit(process, STOP_TIMEOUT);
            }
            forget();
        }
    }

    private synchronized void launch() {
        long began = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Under surefire/failsafe java.class.path is the full test class path, Kafka included.
        List<String> command = List.of(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                "kafka.Kafka", propertiesFile.toString());
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a Kafka child JVM with " + java, e);
        }
        Process child = process;
        reaper = new Thread(child::destroyForcibly, "switchboard-kafka-child-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            KafkaReadiness.await(KafkaNodeDir.HOST, dir.brokerPort, KafkaReadiness.START_TIMEOUT, () -> child.isAlive() ? null
                    : new IllegalStateException("child JVM exited with code " + child.exitValue() + "; log tail:\n" + logTail()));
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        LOG.info("Kafka child JVM {} ready at {} in {} ms (log {})", child.pid(), bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - began).toMillis(), logFile);
    }

    private void forget() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing to remove.
        }
        process = null;
        reaper = null;
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
