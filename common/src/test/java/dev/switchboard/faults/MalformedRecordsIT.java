package dev.switchboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.MixedWorkload;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hostile records interleaved with valid commands: random bytes, truncated JSON, wrong types, huge
 * numbers, deep nesting, near-limit sizes, control characters. Each gets its answer in the contract
 * (a {@code failed} event when it has an id, a DLQ copy when not), every valid command completes,
 * nothing stalls, and the instance's heap stays small.
 */
class MalformedRecordsIT {
  private static final int COMMAND_LIMIT = 512 * 1024;
  private final Random random = new Random(5);

  @Test
  void tenThousandHostileRecordsAmongValidCommands() throws Exception {
    int hostile = FaultSuite.size(2_000, 10_000);
    MixedWorkload valid = new MixedWorkload(hostile / 10, List.of("c1", "c2"), 100, 3);
    // Commands are limited to 512 KiB here, so a near-limit record (for the broker) is too large.
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                RuntimeHarness.freshSettings().withMaxCommandBytes(COMMAND_LIMIT),
                ScenarioConnector.ID,
                Map.of("c1", Json.object(), "c2", Json.object()));
        TopicReader results = platform.results();
        TopicReader dlq = platform.dlq()) {
      long start = System.nanoTime();
      Set<String> answerable = new HashSet<>();
      int unanswerable = 0;
      Map<String, Integer> kinds = new TreeMap<>();
      int v = 0;
      for (int i = 0; i < hostile; i++) {
        if (i % 10 == 0 && v < valid.commands().size()) {
          platform.send(valid.commands().get(v++));
        }
        Hostile h = hostile(i);
        kinds.merge(h.kind(), 1, Integer::sum);
        platform.sendRaw(("k" + (i % 7)).getBytes(StandardCharsets.UTF_8), h.value(), List.of());
        if (h.id() != null) {
          answerable.add(h.id());
        } else {
          unanswerable++;
        }
      }
      while (v < valid.commands().size()) {
        platform.send(valid.commands().get(v++));
      }
      int dead = unanswerable;
      results.untilTerminal(valid.ids(), Duration.ofSeconds(180));
      results.untilTerminal(answerable, Duration.ofSeconds(180));
      dlq.until(r -> r.all().size() >= dead, Duration.ofSeconds(120));
      GroupOffsets.awaitAllCommitted(
          platform.settings().bootstrap(),
          platform.settings().groupId(ScenarioConnector.ID),
          platform.topics().commands(),
          Duration.ofSeconds(120));
      double seconds = (System.nanoTime() - start) / 1e9;

      MixedWorkload.Verdict verdict = valid.verdict(results);
      Map<String, Integer> codes = new TreeMap<>();
      answerable.forEach(
          id ->
              results
                  .terminals(id)
                  .forEach(
                      t ->
                          codes.merge(
                              t.path("type").asText()
                                  + ":"
                                  + t.path("error").path("category").asText(),
                              1,
                              Integer::sum)));
      Runtime.getRuntime().gc();
      long heapMiB = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
      FaultSuite.report(
          "malformed-records",
          "hostile",
          hostile,
          "kinds",
          "\"" + kinds + "\"",
          "answeredFailed",
          "\"" + codes + "\"",
          "dlq",
          dlq.all().size(),
          "valid",
          "\"" + verdict + "\"",
          "seconds",
          String.format("%.1f", seconds),
          "heapMiB",
          heapMiB);
      assertThat(verdict.unanswered()).isZero();
      assertThat(verdict.failed()).isZero();
      assertThat(verdict.gaps()).isEmpty();
      assertThat(codes).containsOnlyKeys("failed:INVALID_COMMAND");
      assertThat(dlq.all()).hasSize(unanswerable);
      answerable.forEach(id -> assertThat(results.terminals(id)).hasSize(1));
    }
  }

  record Hostile(String kind, String id, byte[] value) {}

  private Hostile hostile(int i) {
    String id = "bad-" + i;
    return switch (i % 14) {
      case 0 -> new Hostile("random-bytes", null, randomBytes(1 + random.nextInt(2_000)));
      case 1 -> {
        byte[] whole = Json.bytes(RuntimeHarness.command("echo", "c1", null).put("id", id));
        yield new Hostile(
            "truncated-json",
            null,
            java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1)));
      }
      case 2 ->
          new Hostile(
              "id-not-a-string",
              null,
              utf8("{\"id\":" + i + ",\"operation\":\"echo\",\"connection\":\"c1\"}"));
      case 3 ->
          new Hostile(
              "wrong-types",
              id,
              utf8(
                  "{\"id\":\""
                      + id
                      + "\",\"operation\":7,"
                      + "\"connection\":[\"c1\"],\"params\":\"x\"}"));
      case 4 -> new Hostile("huge-number", id, json(id, "echo", "{\"value\":1e999999999}"));
      case 5 ->
          new Hostile(
              "huge-integer", id, json(id, "records", "{\"count\":" + "9".repeat(900) + "}"));
      case 6 ->
          new Hostile(
              "deep-nesting",
              id,
              json(id, "echo", "{\"value\":" + "[".repeat(500) + "]".repeat(500) + "}"));
      case 7 ->
          new Hostile(
              "near-limit-size",
              id,
              json(
                  id,
                  "echo",
                  "{\"value\":\""
                      + "x".repeat(1_000_000 - random.nextInt(COMMAND_LIMIT / 2))
                      + "\"}"));
      case 8 -> new Hostile("control-chars", id, json(id, "echo\u0000\n", "{}"));
      case 9 ->
          new Hostile(
              "control-char-id",
              null,
              utf8("{\"id\":\"a\\u0000b\"," + "\"operation\":\"echo\",\"connection\":\"c1\"}"));
      case 10 -> new Hostile("unknown-operation", id, json(id, "nope", "{}"));
      case 11 ->
          new Hostile(
              "params-fail-schema", id, json(id, "records", "{\"count\":-5,\"extra\":true}"));
      case 12 ->
          new Hostile(
              "not-an-object", null, utf8(random.nextBoolean() ? "[1,2,3]" : "\"just a string\""));
      default -> new Hostile("empty-value", null, new byte[0]);
    };
  }

  private static byte[] json(String id, String operation, String params) {
    ObjectNode c = Json.object().put("id", id).put("operation", operation).put("connection", "c1");
    String head = Json.text(c);
    return utf8(head.substring(0, head.length() - 1) + ",\"params\":" + params + "}");
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    b[0] = (byte) 0xff; // never valid JSON
    return b;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
