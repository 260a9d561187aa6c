package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Durations;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "send",
    description =
        "Publish a command and print its result events until the "
            + "terminal one. Exit code 0 on completed, 1 on failed, 2 on timeout.")
final class SendCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "provider id, e.g. iqreseller")
  String provider;

  @Parameters(index = "1", description = "operation, e.g. salesOrders.list")
  String operation;

  @Option(
      names = {"-c", "--connection"},
      required = true,
      description = "connection id")
  String connection;

  @Option(
      names = {"-p", "--params"},
      defaultValue = "{}",
      description = "params as JSON")
  String params;

  @Option(names = "--id", description = "command id (default: a random UUID)")
  String id;

  @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092")
  String bootstrap;

  @Option(names = "--topic-prefix", defaultValue = "switchboard")
  String topicPrefix;

  @Option(names = "--timeout", defaultValue = "120s")
  String timeout;

  @Option(
      names = {"-q", "--quiet"},
      description = "show a progress line instead of each record")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    ObjectNode cmd =
        Json.object()
            .put("id", id != null ? id : UUID.randomUUID().toString())
            .put("operation", operation)
            .put("connection", connection);
    cmd.set("params", Json.parse(params.getBytes(StandardCharsets.UTF_8)));
    long start = System.nanoTime();
    long[] records = {0};
    try (CommandClient client = new CommandClient(bootstrap, topicPrefix, provider)) {
      JsonNode end =
          client.call(
              cmd,
              event -> {
                if (event.path("type").asText().equals("record")) {
                  records[0]++;
                  if (!quiet) {
                    System.out.println(Json.text(event));
                  } else if (records[0] % 500 == 0) {
                    progress(records[0], start);
                  }
                }
              },
              Durations.tryParse(timeout));
      if (quiet && records[0] > 0) {
        progress(records[0], start);
        System.err.println();
      }
      if (end == null) {
        System.err.println("no terminal event within " + timeout);
        return 2;
      }
      System.out.println(Json.text(end));
      return end.path("type").asText().equals("completed") ? 0 : 1;
    }
  }

  private static void progress(long n, long startNanos) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    System.err.printf("\r%,d records  %.1f s  %,.0f records/s", n, s, n / Math.max(s, 1e-3));
  }
}
