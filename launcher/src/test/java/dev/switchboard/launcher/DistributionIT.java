package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive runs where it is unpacked, far from the build: its script starts the
 * platform (embedded broker, demo sandbox), which becomes ready, and a SIGTERM stops it cleanly.
 */
class DistributionIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void theUnpackedArchiveStartsBecomesReadyAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path archive;
    try (Stream<Path> built = Files.list(Path.of("target"))) {
      archive =
          built.filter(p -> p.getFileName().toString().endsWith("-dist.tar.gz")).findFirst().get();
    }
    Path unpacked = dir.resolve("opt");
    Files.createDirectories(unpacked);
    run(
        new ProcessBuilder(
            "tar", "-C", unpacked.toString(), "-xzf", archive.toAbsolutePath().toString()));
    Path home;
    try (Stream<Path> top = Files.list(unpacked)) {
      home = top.findFirst().get();
    }
    assertThat(home.resolve("bin/switchboard")).isExecutable();
    // One logging backend: Logback. The broker's log4j-api calls are bridged to SLF4J.
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      List<String> jars = lib.map(j -> j.getFileName().toString()).toList();
      assertThat(jars).anyMatch(j -> j.startsWith("logback-classic-"));
      assertThat(jars)
          .noneMatch(
              j ->
                  j.startsWith("log4j-core-")
                      || j.startsWith("slf4j-simple-")
                      || j.startsWith("log4j-slf4j")
                      || j.startsWith("slf4j-reload4j"));
    }

    int http = freePort();
    Process p =
        new ProcessBuilder(
                home.resolve("bin/switchboard").toString(),
                "run",
                "--data-dir",
                dir.resolve("data").toString(),
                "--kafka-port",
                String.valueOf(freePort()),
                "--http-port",
                String.valueOf(http))
            .directory(dir.toFile()) // not the build's directory
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile())
            .start();
    try {
      assertThat(readyWithin(http, WAIT)).as("ready; log:\n%s", log(dir)).isTrue();
      p.destroy(); // SIGTERM: a graceful stop
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped; log:\n%s", log(dir)).isTrue();
      assertThat(p.exitValue()).as("exit code; log:\n%s", log(dir)).isIn(0, 143);
      assertThat(log(dir)).contains("event=platform.started");
    } finally {
      p.destroyForcibly();
    }
  }

  private static boolean readyWithin(int port, Duration wait) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long end = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < end) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    return false;
  }

  private static void run(ProcessBuilder pb) throws Exception {
    Process p = pb.inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private static String log(Path dir) throws IOException {
    Path f = dir.resolve("out.log");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
