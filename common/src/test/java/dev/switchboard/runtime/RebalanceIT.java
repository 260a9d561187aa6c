package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import dev.switchboard.testing.scenario.WriteLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command never runs on two instances at once: partitions move (an instance added, another
 * removed) while slow writes run on them. A revoke lets the running writes of its partitions finish
 * and record their outcome before the new owner gets them, so no write is applied twice and none is
 * left in doubt.
 */
class RebalanceIT {
  private static final int PARTITIONS = 6;

  @Test
  void writesInFlightDuringRebalancesAreAppliedOnceAndAnswered() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    Map<String, ObjectNode> connections = new LinkedHashMap<>();
    for (int c = 1; c <= PARTITIONS; c++) {
      connections.put("c" + c, Json.object().put("writeLog", writeLog.toString()));
    }
    // Writes of 6 s, four at a time per connection: both rebalances land while writes run, and
    // a partition's handover (about 3 s) is shorter than the writes running on it.
    RuntimeSettings settings =
        RuntimeHarness.freshSettings().withPartitions(PARTITIONS).withBounds(256, 4, 2048);
    RuntimeHarness a =
        RuntimeHarness.start(settings.withInstanceId("rb-a"), ScenarioConnector.ID, connections);
    RuntimeHarness b =
        RuntimeHarness.start(settings.withInstanceId("rb-b"), ScenarioConnector.ID, connections);
    RuntimeHarness c = null;
    List<String> ids = new ArrayList<>();
    try (TopicReader results = a.results()) {
      for (int i = 0; i < 48; i++) {
        ids.add(
            a.send(
                RuntimeHarness.command(
                    "write",
                    "c" + (1 + i % PARTITIONS),
                    Json.object().put("key", "k" + i).put("delayMs", 6_000))));
      }
      c =
          RuntimeHarness.start(
              settings.withInstanceId("rb-c"),
              ScenarioConnector.ID,
              connections); // partitions move to it while the first writes run
      results.until(r -> ids.stream().filter(r::hasTerminal).count() >= 12, Duration.ofSeconds(60));
      assertThat(ids.stream().filter(results::hasTerminal).count()).isLessThan(ids.size());
      a.close(); // and away from this one
      results.untilTerminal(ids, Duration.ofSeconds(120));
      GroupOffsets.awaitAllCommitted(
          settings.bootstrap(),
          settings.groupId(ScenarioConnector.ID),
          b.topics().commands(),
          Duration.ofSeconds(60));

      // Every answer, the first and any other (a write redelivered to the new owner while it
      // still ran on the old one would be answered WRITE_IN_DOUBT there).
      assertThat(ids)
          .allSatisfy(
              id ->
                  assertThat(results.terminals(id))
                      .isNotEmpty()
                      .allSatisfy(
                          t ->
                              assertThat(t.path("type").asText())
                                  .as(t.toString())
                                  .isEqualTo("completed")));
      assertThat(WriteLog.counts(writeLog).values()).hasSize(ids.size()).containsOnly(1L);
    } finally {
      b.close();
      if (c != null) {
        c.close();
      }
    }
  }
}
