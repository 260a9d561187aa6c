package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka node in a child JVM ({@code java -cp <this JVM's class path> KafkaChildMain
 * server.properties}): its {@link KafkaNodeDir}, the settings it starts with, and the process.
 * Starting does not wait; readiness is the caller's, since a cluster waits for all nodes at once.
 *
 * <p>The child's stdout and stderr are appended to {@code broker.log} in the data dir. A shutdown
 * hook kills the child if this JVM exits first.
 */
final class KafkaChildNode {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaChildNode.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String maxHeap;
  private final List<String> jvmOptions;
  private final Map<String, String> settings;
  private KafkaNodeDir dir;
  private Process process;
  private Thread reaper;

  /**
   * @param jvmOptions options for the child's {@code java} command besides {@code -Xmx}
   * @param settings broker settings over the single-node defaults, for every launch
   */
  KafkaChildNode(
      KafkaNodeDir dir, String maxHeap, List<String> jvmOptions, Map<String, String> settings) {
    this.dir = dir;
    this.maxHeap = maxHeap;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.settings = Map.copyOf(settings);
  }

  synchronized KafkaNodeDir dir() {
    return dir;
  }

  /** After {@link KafkaNodeDir#withNewPorts()}: the next launch uses the moved ports. */
  synchronized void moveTo(KafkaNodeDir moved) {
    this.dir = moved;
  }

  Path logFile() {
    return dir().dataDir.resolve("broker.log");
  }

  synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  /**
   * Writes {@code server.properties} with {@code voters} as the quorum and starts the child JVM;
   * returns at once. The node must not be running.
   */
  synchronized void launch(String voters) {
    if (process != null) {
      throw new IllegalStateException(
          "Kafka node " + dir.nodeId + " in " + dir.dataDir + " is already running");
    }
    Path propertiesFile = dir.dataDir.resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(propertiesFile)) {
      dir.serverProperties(voters, settings)
          .store(out, "Written by Switchboard's kafka-embedded; rewritten on every start");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + propertiesFile, e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
    command.addAll(jvmOptions);
    // Under surefire/failsafe java.class.path is the full test class path, Kafka included.
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            KafkaChildMain.class.getName(),
            propertiesFile.toString()));
    try {
      process =
          new ProcessBuilder(command)
              .directory(dir.dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a Kafka child JVM with " + java, e);
    }
    reaper = new Thread(process::destroyForcibly, "switchboard-kafka-child-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Why the launched child is gone, for {@link KafkaReadiness}: null while it runs; a {@link
   * BindException} if its broker could not bind a port; else an exception with the log tail.
   */
  synchronized Throwable failure() {
    if (process == null) {
      return new IllegalStateException("Kafka node " + dir.nodeId + " was stopped while starting");
    }
    if (process.isAlive()) {
      return null;
    }
    int code = process.exitValue();
    String report =
        "Kafka node "
            + dir.nodeId
            + " (child JVM "
            + process.pid()
            + ") exited with code "
            + code
            + "; log tail:\n"
            + logTail();
    return code == KafkaChildMain.EXIT_BIND_FAILED
        ? new BindException(report)
        : new IllegalStateException(report);
  }

  /** Kills the child at once ({@code kill -9}): no flush, no controlled shutdown. Idempotent. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitForExit(process, STOP_TIMEOUT);
      forget();
    }
  }

  /** Asks the child to stop (SIGTERM) without waiting; {@link #stop()} waits. */
  synchronized void signalStop() {
    if (process != null) {
      process.destroy();
    }
  }

  /** Stops the child gracefully (SIGTERM, then kill -9 after 30 s). Idempotent. */
  synchronized void stop() {
    if (process != null) {
      process.destroy();
      if (!waitForExit(process, STOP_TIMEOUT)) {
        LOG.warn(
            "Kafka child JVM {} ignored SIGTERM for {}; killing it", process.pid(), STOP_TIMEOUT);
        process.destroyForcibly();
        waitForExit(process, STOP_TIMEOUT);
      }
      forget();
    }
  }

  /** The last 30 lines of {@code broker.log}. */
  String logTail() {
    Path logFile = logFile();
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
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
}
