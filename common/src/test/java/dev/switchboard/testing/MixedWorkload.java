package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A seeded mix of scenario-connector commands (single reads, paged streams, counted writes) over
 * several connections, and the checks every fault test makes of their results: every command
 * answered, every {@code completed} stream whole, failures only with contract codes.
 */
public final class MixedWorkload {
  /** What a command was, to check its answer. */
  public record Sent(String id, String kind, long records, String writeKey) {}

  private final List<ObjectNode> commands = new ArrayList<>();
  private final Map<String, Sent> byId = new LinkedHashMap<>();

  /**
   * @param n commands
   * @param connections connection names to spread them over (c1…)
   * @param maxStream the largest stream, in records (pages of 50, 5 ms apart)
   */
  public MixedWorkload(int n, List<String> connections, long maxStream, long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      String connection = connections.get(r.nextInt(connections.size()));
      int pick = r.nextInt(10);
      ObjectNode c;
      Sent s;
      if (pick < 5) {
        c =
            RuntimeHarness.command(
                "echo",
                connection,
                Json.object().put("value", "v" + i).put("delayMs", r.nextInt(20)));
        s = new Sent(c.path("id").asText(), "echo", 0, null);
      } else if (pick < 7) {
        long count = 1 + r.nextInt((int) maxStream);
        c =
            RuntimeHarness.command(
                "records",
                connection,
                Json.object()
                    .put("count", count)
                    .put("pageSize", 50)
                    .put("pageDelayMs", 5)
                    .put("padBytes", 100));
        s = new Sent(c.path("id").asText(), "records", count, null);
      } else {
        String key = "w" + seed + "-" + i;
        // One write in five is slow, so a crash finds writes mid-call.
        c =
            RuntimeHarness.command(
                "write",
                connection,
                Json.object()
                    .put("key", key)
                    .put(
                        "delayMs",
                        pick == 9 && r.nextBoolean() ? 300 + r.nextInt(1200) : r.nextInt(30)));
        s = new Sent(c.path("id").asText(), "write", 0, key);
      }
      commands.add(c);
      byId.put(s.id(), s);
    }
  }

  public List<ObjectNode> commands() {
    return commands;
  }

  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The command ids of the writes whose answer is {@code completed} (applied for sure). */
  public List<String> completedWriteKeys(TopicReader results) {
    return byId.values().stream()
        .filter(
            s ->
                s.writeKey() != null
                    && results.terminals(s.id()).stream()
                        .anyMatch(t -> t.path("type").asText().equals("completed")))
        .map(Sent::writeKey)
        .toList();
  }

  /** The id of the write command with {@code key}. */
  public String idOfWrite(String key) {
    return byId.values().stream()
        .filter(s -> key.equals(s.writeKey()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** Writes the workload asked for, by key. */
  public List<String> writeKeys() {
    return byId.values().stream().filter(s -> s.writeKey() != null).map(Sent::writeKey).toList();
  }

  /** What the results say, against what was sent. */
  public record Verdict(
      int commands,
      int unanswered,
      int completed,
      int failed,
      int answeredTwice,
      List<String> gaps,
      Map<String, Integer> failureCodes) {
    @Override
    public String toString() {
      return "commands="
          + commands
          + " unanswered="
          + unanswered
          + " completed="
          + completed
          + " failed="
          + failed
          + " answeredTwice="
          + answeredTwice
          + " streamsWithGaps="
          + gaps.size()
          + " failureCodes="
          + failureCodes;
    }
  }

  /**
   * Checks the results read so far. A command may be answered more than once (at-least-once: a
   * crash between answer and commit runs it again); each answer is checked. A {@code completed}
   * stream must hold every seq from 0 to records-1 (records of an earlier, failed run of the same
   * command may be there too; they are the same records).
   */
  public Verdict verdict(TopicReader results) {
    int unanswered = 0;
    int completed = 0;
    int failed = 0;
    int twice = 0;
    List<String> gaps = new ArrayList<>();
    Map<String, Integer> codes = new TreeMap<>();
    for (Sent s : byId.values()) {
      List<JsonNode> terminals = results.terminals(s.id());
      if (terminals.isEmpty()) {
        unanswered++;
        continue;
      }
      twice += terminals.size() > 1 ? 1 : 0;
      for (JsonNode t : terminals) {
        if (t.path("type").asText().equals("completed")) {
          completed++;
          if (s.kind().equals("records") && !whole(results.events(s.id()), t, s.records())) {
            gaps.add(s.id());
          }
        } else {
          failed++;
          codes.merge(t.path("error").path("code").asText(), 1, Integer::sum);
        }
      }
    }
    return new Verdict(byId.size(), unanswered, completed, failed, twice, gaps, codes);
  }

  private static boolean whole(List<JsonNode> events, JsonNode completed, long expected) {
    if (completed.path("records").asLong() != expected) {
      return false;
    }
    boolean[] seen = new boolean[(int) expected];
    for (JsonNode e : events) {
      if (e.path("type").asText().equals("record")) {
        long seq = e.path("seq").asLong();
        if (seq >= expected || e.path("data").path("i").asLong() != seq) {
          return false;
        }
        seen[(int) seq] = true;
      }
    }
    for (boolean b : seen) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /**
   * The longest time between two consecutive answers (terminal events, by broker timestamp): how
   * long the platform was silent at worst.
   */
  public static long longestSilenceMs(TopicReader results) {
    List<Long> times = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> rec : results.all()) {
      var type = rec.headers().lastHeader(dev.switchboard.message.ContractHeaders.EVENT_TYPE);
      if (type != null && !new String(type.value()).equals("record")) {
        times.add(rec.timestamp());
      }
    }
    times.sort(Long::compare);
    long worst = 0;
    for (int i = 1; i < times.size(); i++) {
      worst = Math.max(worst, times.get(i) - times.get(i - 1));
    }
    return worst;
  }
}
