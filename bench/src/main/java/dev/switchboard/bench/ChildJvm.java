package dev.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One system under test (or tool) in its own JVM. Its stdout and stderr go to a log file; the line
 * the program prints once it is ready ({@code readyLine}) releases {@link #awaitReady}. The GC log
 * is kept so {@link ProcessMeter} can read the peak heap afterwards.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Path gcLog;
  private final String readyLine;
  private final CountDownLatch ready = new CountDownLatch(1);
  private Thread pump;

  private ChildJvm(Process process, Path log, Path gcLog, String readyLine) {
    this.process = process;
    this.log = log;
    this.gcLog = gcLog;
    this.readyLine = readyLine;
  }

  /**
   * Starts {@code java -Xms<heap> -Xmx<heap> <args>} with its logs in {@code workDir/<name>.*};
   * {@code readyLine} (null for tools that just run and exit) is what it prints once ready.
   */
  static ChildJvm start(String name, String heap, Path workDir, String readyLine, List<String> args)
      throws IOException {
    Files.createDirectories(workDir);
    Path log = workDir.resolve(name + ".log");
    Path gcLog = workDir.resolve(name + ".gc.log");
    Files.deleteIfExists(gcLog);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Xlog:gc:file=" + gcLog));
    // -Dbench.jfr=true profiles every child (JFR, "profile" settings) to explain a missed goal.
    if (Boolean.getBoolean("bench.jfr")) {
      cmd.add(
          "-XX:StartFlightRecording=filename="
              + workDir.resolve(name + ".jfr")
              + ",settings=profile");
    }
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
    ChildJvm child = new ChildJvm(p, log, gcLog, readyLine);
    child.pump = new Thread(child::pump, name + "-output");
    child.pump.setDaemon(true);
    child.pump.start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    return child;
  }

  private void pump() {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(log)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (readyLine != null && line.contains(readyLine)) ready.countDown();
        out.write(line);
        out.newLine();
        out.flush();
      }
    } catch (IOException ignored) {
      // the child went away; its exit is reported by whoever waits for it
    }
  }

  /** Waits for the ready line; fails with the log's path if the child dies first. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!ready.await(200, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive())
        throw new IllegalStateException("child exited " + process.exitValue() + ", see " + log);
      if (System.nanoTime() > end)
        throw new IllegalStateException("not ready in " + timeout + ", see " + log);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path gcLog() {
    return gcLog;
  }

  Path log() {
    return log;
  }

  /** Waits for a tool to finish on its own, and for its last output line to be logged. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("did not finish in " + timeout + ", see " + log);
    }
    pump.join(TimeUnit.SECONDS.toMillis(10)); // the pump ends at the output's end
    return process.exitValue();
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS))
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
