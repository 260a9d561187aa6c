package dev.switchboard.launcher.scale;

import dev.switchboard.launcher.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code switchboard run --config} in a child JVM under one instance identity, as an operator runs
 * it: killed with SIGKILL, stopped with SIGTERM, asked {@code /ready} over HTTP.
 */
final class LauncherProcess implements AutoCloseable {
  final String identity;
  private final Process process;
  private final int httpPort;
  private final long startedAt = System.nanoTime();

  private LauncherProcess(String identity, Process process, int httpPort) {
    this.identity = identity;
    this.process = process;
    this.httpPort = httpPort;
  }

  static LauncherProcess start(String identity, Path config, Path dir) throws IOException {
    int port = freePort();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--config",
                config.toString(),
                "--http-port",
                String.valueOf(port),
                "--data-dir",
                dir.resolve(identity).toString()));
    pb.environment().put("SWITCHBOARD_INSTANCE_ID", identity);
    pb.redirectErrorStream(true).redirectOutput(dir.resolve(identity + ".log").toFile());
    Process p = pb.start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    return new LauncherProcess(identity, p, port);
  }

  /** Waits for {@code /ready}; how long it took from the start. */
  Duration awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError(identity + " exited with " + process.exitValue());
      }
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedAt);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError(identity + " not ready after " + timeout);
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(identity + " ignored SIGTERM for 90 s");
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
