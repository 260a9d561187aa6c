package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `switchboard run` with no configuration: embedded broker, demo sandbox, ops endpoints, CLI. */
class PlatformIT {
  private static final String COMPLETED_SALES_ORDERS =
      "switchboard_commands_total{operation=\"salesOrders.list\",outcome=\"completed\","
          + "provider=\"iqreseller\"} 1.0\n";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theDemoPlatformAnswersCommandsServesOpsEndpointsAndStopsCleanly(@TempDir Path dir)
      throws Exception {
    Platform platform =
        Platform.start(new Platform.Options(SwitchboardConfig.empty().withHttpPort(0), dir, 0));
    int httpPort;
    String bootstrap;
    try {
      assertThat(platform.demo()).isTrue();
      bootstrap = platform.bootstrap();
      httpPort = platform.httpPort();
      assertThat(bootstrap).startsWith("127.0.0.1:").doesNotEndWith(":0");
      assertThat(httpPort).isPositive();

      AtomicLong records = new AtomicLong();
      JsonNode end;
      try (CommandClient client = new CommandClient(bootstrap, "switchboard", "iqreseller")) {
        var cmd =
            Json.object()
                .put("id", UUID.randomUUID().toString())
                .put("operation", "salesOrders.list")
                .put("connection", "acme");
        cmd.set("params", Json.object());
        end =
            client.call(
                cmd,
                e -> {
                  if (e.path("type").asText().equals("record")) {
                    records.incrementAndGet();
                  }
                },
                Duration.ofSeconds(120));
      }
      assertThat(end).as("terminal event").isNotNull();
      assertThat(end.path("type").asText()).isEqualTo("completed");
      assertThat(end.path("records").asLong()).isEqualTo(2500); // SandboxConfig.demo()
      assertThat(records.get()).isEqualTo(2500);

      try (CommandClient client = new CommandClient(bootstrap, "switchboard", "accengage")) {
        var cmd =
            Json.object()
                .put("id", UUID.randomUUID().toString())
                .put("operation", "segments.list")
                .put("connection", "shop");
        JsonNode segments = client.call(cmd, e -> {}, Duration.ofSeconds(120));
        assertThat(segments).as("accengage demo terminal event").isNotNull();
        assertThat(segments.path("type").asText()).isEqualTo("completed");
        assertThat(segments.path("records").asLong()).isEqualTo(40); // SandboxConfig.demo()
      }
      try (CommandClient client = new CommandClient(bootstrap, "switchboard", "accountsiq")) {
        for (String connection : new String[] {"ledger", "legacy"}) {
          var cmd =
              Json.object()
                  .put("id", UUID.randomUUID().toString())
                  .put("operation", "suppliers.list")
                  .put("connection", connection);
          JsonNode suppliers = client.call(cmd, e -> {}, Duration.ofSeconds(120));
          assertThat(suppliers).as("accountsiq demo terminal event").isNotNull();
          assertThat(suppliers.path("records").asLong()).as(connection).isEqualTo(100);
        }
      }

      HttpResponse<String> health = get(httpPort, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("UP");
      assertThat(pollStatus(httpPort, "/ready", 200)).isEqualTo(200);
      assertThat(get(httpPort, "/nope").statusCode()).isEqualTo(404);
      // the counter moves just after the terminal event is acknowledged: poll for it
      String metrics = pollMetrics(httpPort, COMPLETED_SALES_ORDERS);
      assertThat(metrics)
          .contains(COMPLETED_SALES_ORDERS)
          .contains("# TYPE switchboard_commands_total counter");

      assertThat(send(bootstrap, "inventory.count")).isZero();
      // the CLI refuses an operation it does not know before sending; --no-check lets the
      // platform answer it
      assertThat(send(bootstrap, "inventory.explode")).isEqualTo(ExitCodes.USAGE);
      assertThat(send(bootstrap, "inventory.explode", "--no-check")).isEqualTo(ExitCodes.FAILED);
    } finally {
      platform.close();
    }
    int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    try (ServerSocket s = new ServerSocket()) { // nobody listens on the broker port any more
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), kafkaPort));
    }
    assertThatThrownBy(() -> get(httpPort, "/health")).isInstanceOf(ConnectException.class);
  }

  /** Runs `switchboard send` in-process; returns its exit code, checks what it printed. */
  private static int send(String bootstrap, String operation, String... more) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      List<String> args =
          new ArrayList<>(
              List.of(
                  "send",
                  "iqreseller",
                  operation,
                  "--connection",
                  "acme",
                  "--bootstrap",
                  bootstrap,
                  "--quiet",
                  "--timeout",
                  "60s"));
      args.addAll(List.of(more));
      code = Main.commandLine().execute(args.toArray(String[]::new));
    } finally {
      System.setOut(out);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    if (code == 0) {
      assertThat(printed).contains("\"type\":\"completed\"").contains("\"count\":5000");
    } else if (code == ExitCodes.USAGE) {
      assertThat(printed).isEmpty(); // refused before sending
    } else {
      assertThat(printed).contains("\"type\":\"failed\"").contains("UNKNOWN_OPERATION");
    }
    return code;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int pollStatus(int port, String path, int wanted) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status = get(port, path).statusCode();
    while (status != wanted && System.nanoTime() < end) {
      Thread.sleep(200);
      status = get(port, path).statusCode();
    }
    return status;
  }

  private String pollMetrics(int port, String line) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String body = get(port, "/metrics").body();
    while (!body.contains(line) && System.nanoTime() < end) {
      Thread.sleep(100);
      body = get(port, "/metrics").body();
    }
    return body;
  }
}
