package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every kind of bad input on ONE partition, followed by a good command: each gets a DLQ record or
 * a clear failed event, the partition keeps moving, and no secret reaches a log line or an event.
 */
class IqResellerBadInputIT {

  @Test
  void badInputIsAnsweredOrDeadLetteredAndThePartitionKeepsMoving() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    try (IqResellerFixture iqr = IqResellerFixture.withAcme(30);
        RuntimeHarness platform = RuntimeHarness.start("iqreseller", iqr.connections(),
            s -> s.withPartitions(1).withMaxCommandBytes(4096));
        TopicReader results = platform.results(); TopicReader dlq = platform.dlq()) {
      byte[] key = "acme".getBytes(StandardCharsets.UTF_8);
      platform.sendRaw(key, "this is not json".getBytes(StandardCharsets.UTF_8), List.of());
      platform.sendRaw(key, "{\"operation\":\"items.list\",\"connection\":\"acme\"}"
          .getBytes(StandardCharsets.UTF_8), List.of());
      String unknownOp = platform.send(RuntimeHarness.command("salesOrders.delete", "acme", null));
      String unknownConn = platform.send(RuntimeHarness.command("items.list", "globex", null));
      String badParams = platform.send(RuntimeHarness.command("items.list", "acme",
          Json.object().put("pageSize", "lots").put("colour", "red")));
      ObjectNode big = RuntimeHarness.command("items.list", "acme", null);
      big.with("params").put("padding", "x".repeat(5000));
      String oversized = platform.send(big);
      ObjectNode noReplyTopic = RuntimeHarness.command("inventory.count", "acme", null)
          .put("replyTo", "no-such-topic-" + System.nanoTime());
      String missingReply = platform.send(noReplyTopic);
      ObjectNode badHeader = RuntimeHarness.command("inventory.count", "acme", null);
      String badReplyHeader = badHeader.path("id").asText();
      platform.sendRaw(key, Json.bytes(badHeader), List.of(new RecordHeader(
          ContractHeaders.REPLY_TOPIC, "not a topic!".getBytes(StandardCharsets.UTF_8))));
      ObjectNode truncated = RuntimeHarness.command("items.list", "acme", null);
      String brokenResponse = truncated.path("id").asText();
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY,
          new IqResellerScenario(null, null, null, null, 1, null)); // page 1 cut mid-record
      platform.send(truncated);
      results.untilTerminal(List.of(brokenResponse), Duration.ofSeconds(60));
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none());
      ObjectNode good = RuntimeHarness.command("conditions.list", "acme", null);
      String goodId = good.path("id").asText();
      platform.sendRaw(key, Json.bytes(good), List.of(
          new RecordHeader(ContractHeaders.CORRELATION_ID, new byte[] {1, 2, 3})));

      results.untilTerminal(List.of(unknownOp, unknownConn, badParams, oversized, missingReply,
          badReplyHeader, goodId), Duration.ofSeconds(60));
      // answered on the results topic, and never executed: no count call for these two
      assertFailed(results, missingReply, "REPLY_TOPIC_NOT_FOUND", "INVALID_COMMAND");
      assertFailed(results, badReplyHeader, "INVALID_COMMAND", "INVALID_COMMAND");
      assertThat(iqr.sim().stats().dataCalls("Inventory/GetInventoriesCount")).isZero();
      assertFailed(results, unknownOp, "UNKNOWN_OPERATION", "INVALID_COMMAND");
      // a caller's made-up operation name never becomes a metric label
      assertThat(platform.metrics().scrape()).doesNotContain("salesOrders.delete")
          .contains("operation=\"unknown\",outcome=\"failed\"");
      assertFailed(results, unknownConn, "UNKNOWN_CONNECTION", "INVALID_COMMAND");
      JsonNode params = assertFailed(results, badParams, "INVALID_PARAMS", "INVALID_COMMAND");
      assertThat(params.path("message").asText()).contains("pageSize").contains("colour");
      assertFailed(results, oversized, "COMMAND_TOO_LARGE", "INVALID_COMMAND");
      assertFailed(results, brokenResponse, "PROVIDER_BAD_RESPONSE", "PROVIDER");
      assertThat(results.terminals(goodId)).singleElement()
          .satisfies(e -> assertThat(e.path("type").asText()).isEqualTo("completed"));
      var goodTerminal = results.all().stream().filter(r -> new String(r.key(),
          StandardCharsets.UTF_8).equals(goodId) && new String(r.headers()
          .lastHeader(ContractHeaders.EVENT_TYPE).value()).equals("completed")).findFirst()
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

      String everything = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
          .reduce("", String::concat) + results.byId();
      assertThat(everything).contains("event=command.failed") // the capture works
          .doesNotContain(IqResellerFixture.ACME_KEY);
    } finally {
      ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }
  }

  @Test
  void aFiveHundredOnAPageIsRetriedAndTheStreamCompletes() throws Exception {
    try (IqResellerFixture iqr = IqResellerFixture.withAcme(30);
        RuntimeHarness platform = RuntimeHarness.start("iqreseller", iqr.connections(), s -> s);
        TopicReader results = platform.results()) {
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, new IqResellerScenario(null,
          new IqResellerScenario.FailPage(2, 500, 2, null), null, null, null, null));
      String id = platform.send(RuntimeHarness.command("items.list", "acme",
          Json.object().put("pageSize", 50)));
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      IqResellerStreamIT.assertCompleteStream(results.events(id), 120, "itemid");
      assertThat(platform.metrics().count("switchboard_provider_retries_total", "provider",
          "iqreseller", "code", "PROVIDER_ERROR_500")).isEqualTo(2);
    }
  }

  private static JsonNode assertFailed(TopicReader results, String id, String code,
      String category) {
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
    return new String(dlq.all().get(i).headers().lastHeader(name).value(),
        StandardCharsets.UTF_8);
  }

}
