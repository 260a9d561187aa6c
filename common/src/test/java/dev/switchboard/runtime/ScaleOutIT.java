package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two platform instances in one consumer group share the partitions; every command is answered
 * once.
 */
class ScaleOutIT {

  @Test
  void twoInstancesShareThePartitionsAndAnswerEveryCommandOnce() throws Exception {
    Map<String, ObjectNode> connections = Map.of("c1", Json.object());
    RuntimeSettings settings = RuntimeHarness.freshSettings().withPartitions(6);
    try (RuntimeHarness a = RuntimeHarness.start(settings, ScenarioConnector.ID, connections);
        RuntimeHarness b = RuntimeHarness.start(settings, ScenarioConnector.ID, connections);
        TopicReader results = a.results()) {
      awaitBalanced(a, b);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        // different keys spread the commands over all six partitions
        var cmd = RuntimeHarness.command("records", "c1", Json.object().put("count", 6));
        a.sendRaw(("k" + i).getBytes(), Json.bytes(cmd), List.of());
        ids.add(cmd.path("id").asText());
      }
      results.untilTerminal(ids, Duration.ofSeconds(120)).settle(Duration.ofSeconds(2));
      for (String id : ids) {
        assertThat(results.terminals(id)).as(id).hasSize(1);
      }
      long byA = completed(a);
      long byB = completed(b);
      assertThat(byA).isPositive();
      assertThat(byB).isPositive();
      assertThat(byA + byB).isEqualTo(200);
    }
  }

  private static long completed(RuntimeHarness h) {
    return h.metrics()
        .count(
            "switchboard_commands_total",
            "provider",
            ScenarioConnector.ID,
            "operation",
            "records",
            "outcome",
            "completed");
  }

  /**
   * Waits until the group settled with partitions on both instances, so no rebalance runs mid-test.
   */
  private static void awaitBalanced(RuntimeHarness a, RuntimeHarness b) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      double pa = assigned(a);
      double pb = assigned(b);
      if (pa > 0 && pb > 0 && pa + pb == 6) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("consumer group did not balance over both instances");
  }

  private static double assigned(RuntimeHarness h) {
    String scrape = h.metrics().scrape();
    return scrape
        .lines()
        .filter(l -> l.startsWith("switchboard_assigned_partitions{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
