package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import dev.switchboard.testing.scenario.WriteLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every kind of bad input on ONE partition, followed by a good command: each gets a DLQ record or a
 * clear failed event, the partition keeps moving, and no secret reaches a log line or an event.
 */
class BadInputIT {
  private static final String TOKEN = "scenario-token-5c1e9a77";

  @Test
  void badInputIsAnsweredOrDeadLetteredAndThePartitionKeepsMoving() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    Path writeLog = Files.createTempFile("writes", ".log");
    ObjectNode c1 = Json.object().put("writeLog", writeLog.toString()).put("token", TOKEN);
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                ScenarioConnector.ID,
                Map.of("c1", c1),
                s -> s.withPartitions(1).withMaxCommandBytes(4096));
        TopicReader results = platform.results();
        TopicReader dlq = platform.dlq()) {
      byte[] key = "c1".getBytes(StandardCharsets.UTF_8);
      platform.sendRaw(key, "this is not json".getBytes(StandardCharsets.UTF_8), List.of());
      platform.sendRaw(
          key,
          "{\"operation\":\"records\",\"connection\":\"c1\"}".getBytes(StandardCharsets.UTF_8),
          List.of());
      String unknownOp = platform.send(RuntimeHarness.command("salesOrders.delete", "c1", null));
      String unknownConn = platform.send(RuntimeHarness.command("records", "globex", null));
      String badParams =
          platform.send(
              RuntimeHarness.command(
                  "records", "c1", Json.object().put("count", "lots").put("colour", "red")));
      ObjectNode big = RuntimeHarness.command("records", "c1", null);
      ((ObjectNode) big.get("params")).put("padding", "x".repeat(5000));
      String oversized = platform.send(big);
      // Two writes that must never run: their answers could not be delivered where asked.
      ObjectNode noReplyTopic =
          RuntimeHarness.command("write", "c1", Json.object().put("key", "missing-reply"))
              .put("replyTo", "no-such-topic-" + System.nanoTime());
      String missingReply = platform.send(noReplyTopic);
      ObjectNode badHeader =
          RuntimeHarness.command("write", "c1", Json.object().put("key", "bad-reply-header"));
      String badReplyHeader = badHeader.path("id").asText();
      platform.sendRaw(
          key,
          Json.bytes(badHeader),
          List.of(
              new RecordHeader(
                  ContractHeaders.REPLY_TOPIC, "not a topic!".getBytes(StandardCharsets.UTF_8))));
      // The provider fails mid-stream, after five records.
      String broken =
          platform.send(
              RuntimeHarness.command(
                  "records",
                  "c1",
                  Json.object().put("count", 50).put("pageSize", 5).put("failAfter", 5)));
      ObjectNode good = RuntimeHarness.command("records", "c1", Json.object().put("count", 3));
      String goodId = good.path("id").asText();
      platform.sendRaw(
          key,
          Json.bytes(good),
          List.of(new RecordHeader(ContractHeaders.CORRELATION_ID, new byte[] {1, 2, 3})));

      results.untilTerminal(
          List.of(
              unknownOp,
              unknownConn,
              badParams,
              oversized,
              missingReply,
              badReplyHeader,
              broken,
              goodId),
          Duration.ofSeconds(60));
      // answered on the results topic, and never executed
      assertFailed(results, missingReply, "REPLY_TOPIC_NOT_FOUND", "INVALID_COMMAND");
      assertFailed(results, badReplyHeader, "INVALID_COMMAND", "INVALID_COMMAND");
      assertThat(WriteLog.counts(writeLog)).isEmpty();
      assertFailed(results, unknownOp, "UNKNOWN_OPERATION", "INVALID_COMMAND");
      // a caller's made-up operation name never becomes a metric label
      assertThat(platform.metrics().scrape())
          .doesNotContain("salesOrders.delete")
          .contains("operation=\"unknown\",outcome=\"failed\"");
      assertFailed(results, unknownConn, "UNKNOWN_CONNECTION", "INVALID_COMMAND");
      JsonNode params = assertFailed(results, badParams, "INVALID_PARAMS", "INVALID_COMMAND");
      assertThat(params.path("message").asText()).contains("count").contains("colour");
      assertFailed(results, oversized, "COMMAND_TOO_LARGE", "INVALID_COMMAND");
      JsonNode streamError = assertFailed(results, broken, "SCENARIO_STREAM_BROKEN", "PROVIDER");
      assertThat(streamError.path("retryable").asBoolean()).isTrue();
      // The five records the provider gave before failing, in order, then the failed event.
      List<JsonNode> brokenEvents = results.events(broken);
      assertThat(brokenEvents).hasSize(6);
      for (int i = 0; i < brokenEvents.size() - 1; i++) {
        assertThat(brokenEvents.get(i).path("seq").asLong()).isEqualTo(i);
      }
      assertThat(results.terminals(goodId))
          .singleElement()
          .satisfies(e -> assertThat(e.path("type").asText()).isEqualTo("completed"));
      var goodTerminal =
          results.all().stream()
              .filter(
                  r ->
                      new String(r.key(), StandardCharsets.UTF_8).equals(goodId)
                          && new String(r.headers().lastHeader(ContractHeaders.EVENT_TYPE).value())
                              .equals("completed"))
              .findFirst()
              .orElseThrow();
      assertThat(goodTerminal.headers().lastHeader(ContractHeaders.CORRELATION_ID).value())
          .containsExactly(1, 2, 3);

      dlq.until(r -> r.all().size() >= 2, Duration.ofSeconds(30)).settle(Duration.ofSeconds(1));
      assertThat(dlq.all()).hasSize(2);
      assertThat(reason(dlq, 0)).startsWith("NOT_JSON");
      assertThat(reason(dlq, 1)).startsWith("NO_ID");
      assertThat(new String(dlq.all().get(0).value(), StandardCharsets.UTF_8))
          .isEqualTo("this is not json"); // the original bytes, untouched
      assertThat(header(dlq, 0, ContractHeaders.DLQ_OFFSET)).isEqualTo("0");
      assertThat(header(dlq, 0, ContractHeaders.DLQ_TOPIC)).isEqualTo(platform.topics().commands());

      String everything;
      synchronized (logs) { // appended to from other threads, under its lock
        everything =
            logs.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat)
                + results.byId();
      }
      assertThat(everything)
          .contains("event=command.failed") // the capture works
          .doesNotContain(TOKEN);
    } finally {
      ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }
  }

  private static JsonNode assertFailed(
      TopicReader results, String id, String code, String category) {
    List<JsonNode> t = results.terminals(id);
    assertThat(t).as("terminal events of %s", id).hasSize(1);
    assertThat(t.get(0).path("type").asText()).isEqualTo("failed");
    JsonNode error = t.get(0).path("error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("category").asText()).isEqualTo(category);
    assertThat(error.path("message").asText()).isNotBlank();
    return error;
  }

  private static String reason(TopicReader dlq, int i) {
    return header(dlq, i, ContractHeaders.DLQ_REASON);
  }

  private static String header(TopicReader dlq, int i, String name) {
    return new String(dlq.all().get(i).headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
