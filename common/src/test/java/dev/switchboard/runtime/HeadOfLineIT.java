package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A slow connection holds only its own commands: another connection's commands on the same
 * partition are answered while the slow one's wait for their turn, and the partition's committed
 * offset still moves only contiguously.
 */
class HeadOfLineIT {

  @Test
  void anotherConnectionOnTheSamePartitionIsAnsweredWhileOneIsSaturated() throws Exception {
    RuntimeSettings settings =
        RuntimeHarness.freshSettings()
            .withPartitions(1)
            .withBounds(256, 2, 2048); // two at a time per connection
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                settings,
                ScenarioConnector.ID,
                Map.of("slow", Json.object(), "fast", Json.object()));
        TopicReader results = platform.results()) {
      List<String> slow = new ArrayList<>();
      for (int i = 0; i < 6; i++) { // three rounds of two, 2 s each
        slow.add(
            platform.send(
                RuntimeHarness.command("echo", "slow", Json.object().put("delayMs", 2_000))));
      }
      List<String> fast = new ArrayList<>();
      for (int i = 0; i < 5; i++) { // behind the slow ones on the one partition
        fast.add(platform.send(RuntimeHarness.command("echo", "fast", null)));
      }
      List<String> all = new ArrayList<>(slow);
      all.addAll(fast);
      results.untilTerminal(fast, Duration.ofSeconds(60));
      // The slow connection's gauges while it is saturated: two running, four waiting.
      String scrape = platform.metrics().scrape();
      assertThat(scrape)
          .contains(
              "switchboard_connection_in_flight{connection=\"slow\","
                  + "provider=\"scenario\"} 2.0")
          .contains("switchboard_connection_queued{connection=\"slow\",provider=\"scenario\"} 4.0");
      results.untilTerminal(all, Duration.ofSeconds(60));

      // Order of the answers on the results topic: every fast command is answered before the
      // first slow one (they waited for nobody); the slow ones keep their order of two.
      List<String> answered =
          results.all().stream()
              .map(r -> new String(r.key(), StandardCharsets.UTF_8))
              .filter(all::contains)
              .toList();
      assertThat(answered.subList(0, fast.size())).containsExactlyInAnyOrderElementsOf(fast);
      assertThat(answered.subList(fast.size(), all.size()))
          .containsExactlyInAnyOrderElementsOf(slow);
      GroupOffsets.awaitAllCommitted(
          settings.bootstrap(),
          settings.groupId(ScenarioConnector.ID),
          platform.topics().commands(),
          Duration.ofSeconds(30));
    }
  }
}
