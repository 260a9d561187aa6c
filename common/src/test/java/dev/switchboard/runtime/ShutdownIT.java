package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.StreamAssertions;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping an instance with work in flight: finish within the grace, or leave it for the next
 * owner.
 */
class ShutdownIT {

  @Test
  void gracefulStopFinishesTheInFlightStreamFirst() throws Exception {
    RuntimeHarness platform =
        RuntimeHarness.start(ScenarioConnector.ID, Map.of("c1", Json.object()), s -> s);
    try (TopicReader results = platform.results()) {
      // ten pages, 150 ms apart: about a second and a half of work
      String id =
          platform.send(
              RuntimeHarness.command(
                  "records",
                  "c1",
                  Json.object().put("count", 2_000).put("pageSize", 200).put("pageDelayMs", 150)));
      results.until(r -> !r.events(id).isEmpty(), Duration.ofSeconds(60));
      assertThat(results.hasTerminal(id)).isFalse(); // still streaming when the stop begins

      platform.close();

      results.untilTerminal(List.of(id), Duration.ofSeconds(30));
      StreamAssertions.assertCompleteStream(results.events(id), 2_000, "i");
    }
  }

  @Test
  void workPastTheGraceIsAbandonedUncommittedAndTheNextInstanceAnswersIt() throws Exception {
    RuntimeSettings settings =
        RuntimeHarness.freshSettings().withShutdownGrace(Duration.ofMillis(500));
    // A slow provider for the first instance: ten pages a second apart, about ten seconds.
    RuntimeHarness first =
        RuntimeHarness.start(
            settings, ScenarioConnector.ID, Map.of("c1", Json.object().put("latencyMs", 1_000)));
    try (TopicReader results = first.results()) {
      String id =
          first.send(
              RuntimeHarness.command(
                  "records", "c1", Json.object().put("count", 2_000).put("pageSize", 200)));
      results.until(r -> !r.events(id).isEmpty(), Duration.ofSeconds(60));
      first.close(); // grace runs out mid-stream: abandoned, offset not committed
      assertThat(results.settle(Duration.ofSeconds(1)).hasTerminal(id)).isFalse();

      // The provider is fast again for the next owner.
      try (RuntimeHarness second =
          RuntimeHarness.start(settings, ScenarioConnector.ID, Map.of("c1", Json.object()))) {
        results.untilTerminal(List.of(id), Duration.ofSeconds(60));
        assertThat(results.terminals(id))
            .singleElement()
            .satisfies(
                e -> {
                  assertThat(e.path("type").asText()).isEqualTo("completed");
                  assertThat(e.path("records").asLong()).isEqualTo(2_000);
                });
      }
    }
  }
}
