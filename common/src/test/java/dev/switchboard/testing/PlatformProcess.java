package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.scenario.ScenarioPlatformMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A platform instance in a child JVM ({@link ScenarioPlatformMain}) on this JVM's class path, so
 * that a test can kill it with SIGKILL as an operator's crash would, restart it, or stop it with
 * SIGTERM. It runs the scenario connector, or with {@code provider=<id>} and {@code
 * connectionsFile=<path>} (see {@link #connectionsFile}) any connector on the class path, e.g.
 * against a simulator the test started in its own JVM. Its output is kept in a log file; a shutdown
 * hook kills it if the test JVM ends.
 */
public final class PlatformProcess implements AutoCloseable {
  private final List<String> args;
  private final Path log;
  private Process process;
  private long startedAt;

  private PlatformProcess(List<String> args, Path log) {
    this.args = args;
    this.log = log;
  }

  /**
   * Writes {@code connections} (connection name to config) to a temporary file, for the {@code
   * connectionsFile=} argument; returns the argument itself.
   */
  public static String connectionsFile(Map<String, ? extends JsonNode> connections)
      throws IOException {
    ObjectNode all = Json.object();
    connections.forEach(all::set);
    Path file = Files.createTempFile("connections", ".json");
    file.toFile().deleteOnExit();
    Files.write(file, Json.bytes(all));
    return "connectionsFile=" + file;
  }

  /** Starts an instance; {@code args} are {@link ScenarioPlatformMain}'s {@code key=value}s. */
  public static PlatformProcess start(Path log, String... args) throws IOException {
    PlatformProcess p = new PlatformProcess(List.of(args), log);
    p.launch();
    return p;
  }

  private void launch() throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ScenarioPlatformMain.class.getName()));
    cmd.addAll(args);
    Files.writeString(
        log,
        "--- start " + args + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    startedAt = System.nanoTime();
    process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Process p = process;
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
  }

  /**
   * Waits until the instance printed its ready line for this start (consumer joined, partitions
   * assigned) and returns how long that took from its start.
   */
  public Duration awaitReady(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (lastStartOutput().contains(ScenarioPlatformMain.READY)) {
        return Duration.ofNanos(System.nanoTime() - startedAt);
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "platform exited with " + process.exitValue() + ":\n" + lastStartOutput());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("platform not ready after " + timeout + ":\n" + lastStartOutput());
  }

  /** What the instance printed since its last start. */
  public String lastStartOutput() throws IOException {
    String all = Files.readString(log, StandardCharsets.UTF_8);
    return all.substring(all.lastIndexOf("--- start "));
  }

  /** When the current process was started ({@link System#nanoTime()}). */
  public long startedAtNanos() {
    return startedAt;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself; its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("platform still running after " + timeout);
    }
    return process.exitValue();
  }

  /** SIGKILL: no drain, no commit, no leave. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the graceful stop (drain, commit, leave the group); returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("platform ignored SIGTERM for 90 s");
    }
    return process.exitValue();
  }

  /** Starts the same instance again (same arguments, so the same identity). */
  public void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("still running");
    }
    launch();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
