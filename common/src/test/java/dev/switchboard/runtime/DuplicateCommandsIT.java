package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** One command id running twice at once on an instance: it runs once and gets one answer. */
class DuplicateCommandsIT {

  private static RuntimeHarness platform(Path writeLog) throws Exception {
    return RuntimeHarness.start(
        RuntimeHarness.freshSettings(),
        ScenarioConnector.ID,
        Map.of("c1", Json.object().put("writeLog", writeLog.toString())));
  }

  @Test
  void theSameWritePublishedFiveTimesBackToBackRunsOnceAndIsAnsweredOnce() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    try (RuntimeHarness platform = platform(writeLog);
        TopicReader results = platform.results()) {
      ObjectNode write =
          RuntimeHarness.command(
              "write", "c1", Json.object().put("key", "invoice-1").put("delayMs", 500));
      String id = null;
      for (int i = 0; i < 5; i++) {
        id = platform.send(write);
      }
      String commandId = id;
      results
          .untilTerminal(List.of(commandId), Duration.ofSeconds(60))
          .settle(Duration.ofSeconds(2));

      assertThat(results.terminals(commandId))
          .singleElement()
          .satisfies(e -> assertThat(e.path("type").asText()).isEqualTo("completed"));
      assertThat(WriteLog.counts(writeLog)).containsExactly(Map.entry("invoice-1", 1L));
      // All five records are finished: the partition's commits are not held by the duplicates.
      GroupOffsets.awaitAllCommitted(
          platform.settings().bootstrap(),
          platform.settings().groupId(ScenarioConnector.ID),
          platform.topics().commands(),
          Duration.ofSeconds(30));
    }
  }

  @Test
  void aDuplicateThatAsksForAnotherReplyTopicGetsTheSameOutcomeThere() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    try (RuntimeHarness platform = platform(writeLog);
        TopicReader results = platform.results()) {
      String replies = platform.topics().prefix() + ".replies";
      Properties p = new Properties();
      p.put("bootstrap.servers", platform.settings().bootstrap());
      try (Admin admin = Admin.create(p)) {
        admin
            .createTopics(List.of(new NewTopic(replies, 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      ObjectNode write =
          RuntimeHarness.command(
              "write", "c1", Json.object().put("key", "invoice-2").put("delayMs", 500));
      String id = platform.send(write);
      platform.send(write.deepCopy().put("replyTo", replies));

      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      try (TopicReader replyReader =
          RuntimeHarness.reader(platform.settings().bootstrap(), replies)) {
        replyReader.untilTerminal(List.of(id), Duration.ofSeconds(30));
        JsonNode first = results.terminals(id).get(0);
        JsonNode second = replyReader.terminals(id).get(0);
        assertThat(second.path("type").asText()).isEqualTo("completed");
        assertThat(second.path("data")).isEqualTo(first.path("data"));
      }
      assertThat(WriteLog.counts(writeLog)).containsExactly(Map.entry("invoice-2", 1L));
    }
  }
}
