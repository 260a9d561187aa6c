package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send --file} and {@code tail --format json} against the demo platform (embedded broker,
 * sandbox providers), as a user runs them.
 */
class CliIT {
  private static final String COUNT =
      "{\"id\":\"cli-count\",\"operation\":\"inventory.count\",\"connection\":\"acme\"}";
  private static final String ITEM =
      "{\"id\":\"cli-item\",\"operation\":\"items.get\",\"connection\":\"acme\","
          + "\"params\":{\"itemId\":\"131\"}}";
  private static final String CONDITIONS =
      "{\"operation\":\"conditions.list\",\"connection\":\"acme\"}"; // no id: the CLI makes one
  private static final String MISSING_ITEM =
      "{\"id\":\"cli-missing\",\"operation\":\"items.get\",\"connection\":\"acme\","
          + "\"params\":{\"itemId\":\"999999\"}}";

  @Test
  void sendsAFileOfCommandsAndTailsTheirEventsAsJson(@TempDir Path dir) throws Exception {
    try (Platform platform =
        Platform.start(new Platform.Options(SwitchboardConfig.empty().withHttpPort(0), dir, 0))) {
      String bootstrap = platform.bootstrap();
      Path file =
          Files.writeString(
              dir.resolve("commands.jsonl"), COUNT + "\n\n" + ITEM + "\n" + CONDITIONS + "\n");

      CliRun all =
          CliRun.of(
              "send", "iqreseller", "--file", file.toString(), "--bootstrap", bootstrap, "-q");

      assertThat(all.code()).as(all.err()).isZero();
      List<JsonNode> ends = lines(all.out());
      assertThat(ends).hasSize(3);
      assertThat(ends).allSatisfy(e -> assertThat(e.path("type").asText()).isEqualTo("completed"));
      assertThat(ends.get(0).path("commandId").asText()).isEqualTo("cli-count");
      assertThat(ends.get(0).path("data").path("count").asLong()).isEqualTo(5000);
      assertThat(ends.get(1).path("commandId").asText()).isEqualTo("cli-item");
      assertThat(ends.get(2).path("commandId").asText()).hasSize(36);
      assertThat(all.err()).contains("records/s").doesNotContain("\r"); // no terminal here

      CliRun mixed =
          sendFromStdin(
              bootstrap, MISSING_ITEM + "\n" + ITEM.replace("cli-item", "cli-item-2") + "\n");

      assertThat(mixed.code()).as(mixed.err()).isEqualTo(ExitCodes.FAILED);
      List<JsonNode> mixedEnds = lines(mixed.out());
      assertThat(mixedEnds)
          .extracting(e -> e.path("type").asText())
          .containsExactly("failed", "completed");
      assertThat(mixedEnds.get(0).path("error").path("category").asText()).isEqualTo("NOT_FOUND");

      // every event so far: a record event per streamed record, then one terminal per command
      long events = 2 + ends.stream().mapToLong(e -> e.path("records").asLong() + 1).sum();
      List<JsonNode> tailed = tailJson(bootstrap, events);
      assertThat(tailed).hasSize((int) events);
      assertThat(tailed)
          .allSatisfy(
              r -> {
                assertThat(r.path("partition").isInt()).isTrue();
                assertThat(r.path("offset").isIntegralNumber()).isTrue();
                assertThat(r.path("timestamp").asLong()).isPositive();
                assertThat(r.path("headers").isObject()).isTrue();
                r.path("headers").forEach(h -> assertThat(h.isTextual()).isTrue());
                assertThat(r.path("value").path("commandId").asText())
                    .isEqualTo(r.path("key").asText());
              });
      Set<String> keys =
          tailed.stream().map(r -> r.path("key").asText()).collect(Collectors.toSet());
      assertThat(keys)
          .containsExactlyInAnyOrder(
              "cli-count",
              "cli-item",
              ends.get(2).path("commandId").asText(),
              "cli-missing",
              "cli-item-2");
      JsonNode countEvent =
          tailed.stream()
              .filter(r -> r.path("key").asText().equals("cli-count"))
              .findFirst()
              .orElseThrow();
      assertThat(countEvent.path("value")).isEqualTo(ends.get(0));
    }
  }

  private static CliRun sendFromStdin(String bootstrap, String text) {
    InputStream in = System.in;
    try {
      System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      return CliRun.of(
          "send", "iqreseller", "--file", "-", "--bootstrap", bootstrap, "--timeout", "60");
    } finally {
      System.setIn(in);
    }
  }

  /**
   * Runs tail until it printed {@code n} records; a tail that would wait forever fails the test.
   */
  private static List<JsonNode> tailJson(String bootstrap, long n) throws Exception {
    CompletableFuture<CliRun> tail =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    "tail",
                    "iqreseller",
                    "--from-beginning",
                    "--format",
                    "json",
                    "--max-messages",
                    String.valueOf(n),
                    "--bootstrap",
                    bootstrap));
    CliRun r = tail.get(60, TimeUnit.SECONDS);
    assertThat(r.code()).as(r.err()).isZero();
    return lines(r.out());
  }

  private static List<JsonNode> lines(String out) {
    return out.lines()
        .map(
            l -> {
              try {
                return Json.parse(l.getBytes(StandardCharsets.UTF_8));
              } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
              }
            })
        .toList();
  }
}
