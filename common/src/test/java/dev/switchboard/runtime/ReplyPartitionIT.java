package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spring Kafka's request/reply conventions: each instance of a caller listens on one partition of a
 * shared reply topic ({@code kafka_replyPartition}), and a request without a usable id is still
 * answered where its caller waits.
 */
class ReplyPartitionIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    platform = RuntimeHarness.start(ScenarioConnector.ID, Map.of("c1", Json.object()), s -> s);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
  }

  private static Header header(String name, byte[] value) {
    return new RecordHeader(name, value);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] partition(int p) {
    return ByteBuffer.allocate(4).putInt(p).array();
  }

  private static String topic(int partitions) throws Exception {
    String name = "replies-" + UUID.randomUUID();
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, platform.settings().bootstrap());
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
    return name;
  }

  /**
   * Nine requests spread over three caller instances, each naming its own partition: every answer
   * is on the partition its request named (before, the key chose, and most callers never saw their
   * answer).
   */
  @Test
  void everyAnswerGoesToThePartitionItsRequestNamed() throws Exception {
    String replies = topic(3);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      var cmd = RuntimeHarness.command("echo", "c1", Json.object().put("value", "v" + i));
      ids.add(cmd.path("id").asText());
      platform.sendRaw(
          utf8("c1"),
          Json.bytes(cmd),
          List.of(
              header(ContractHeaders.REPLY_TOPIC, utf8(replies)),
              header(ContractHeaders.REPLY_PARTITION, partition(i % 3)),
              header(ContractHeaders.CORRELATION_ID, utf8("corr-" + i))));
    }
    try (TopicReader reader = RuntimeHarness.reader(platform.settings().bootstrap(), replies)) {
      reader.untilTerminal(ids, WAIT);
      for (int i = 0; i < 9; i++) {
        String id = ids.get(i);
        ConsumerRecord<byte[], byte[]> answer =
            reader.all().stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(answer.partition()).as("answer of request %d", i).isEqualTo(i % 3);
        assertThat(answer.headers().lastHeader(ContractHeaders.CORRELATION_ID).value())
            .isEqualTo(utf8("corr-" + i));
      }
    }
  }

  /** A partition the reply topic lacks, or a header that is no partition: refused, not run. */
  @Test
  void aPartitionTheTopicLacksOrAMalformedHeaderIsRefusedBeforeRunning() throws Exception {
    String replies = topic(2);
    var lacking = RuntimeHarness.command("echo", "c1", Json.object().put("value", "x"));
    platform.sendRaw(
        utf8("c1"),
        Json.bytes(lacking),
        List.of(
            header(ContractHeaders.REPLY_TOPIC, utf8(replies)),
            header(ContractHeaders.REPLY_PARTITION, partition(5))));
    var malformed = RuntimeHarness.command("echo", "c1", Json.object().put("value", "y"));
    platform.sendRaw(
        utf8("c1"),
        Json.bytes(malformed),
        List.of(
            header(ContractHeaders.REPLY_TOPIC, utf8(replies)),
            header(ContractHeaders.REPLY_PARTITION, new byte[] {0, 1})));
    String lackingId = lacking.path("id").asText();
    String malformedId = malformed.path("id").asText();
    try (TopicReader results = platform.results()) {
      results.untilTerminal(List.of(lackingId), WAIT);
      assertThat(results.terminals(lackingId).get(0).path("error").path("code").asText())
          .isEqualTo("REPLY_PARTITION_NOT_FOUND");
    }
    try (TopicReader reader = RuntimeHarness.reader(platform.settings().bootstrap(), replies)) {
      reader.untilTerminal(List.of(malformedId), WAIT);
      JsonNode failed = reader.terminals(malformedId).get(0);
      assertThat(failed.path("error").path("code").asText()).isEqualTo("INVALID_COMMAND");
      assertThat(failed.path("error").path("message").asText()).contains("kafka_replyPartition");
    }
  }

  /**
   * A request without a usable id whose caller waits on a reply topic with a correlation id: a
   * {@code failed} answer reaches it there at once (before, it waited for its timeout), and the DLQ
   * keeps the record.
   */
  @Test
  void aRequestWithoutAnIdIsAnsweredOnItsReplyTopicAndKeptInTheDlq() throws Exception {
    String replies = topic(2);
    byte[] noId = utf8("{\"operation\":\"echo\",\"connection\":\"c1\"}");
    platform.sendRaw(
        utf8("c1"),
        noId,
        List.of(
            header(ContractHeaders.REPLY_TOPIC, utf8(replies)),
            header(ContractHeaders.REPLY_PARTITION, partition(1)),
            header(ContractHeaders.CORRELATION_ID, utf8("spring-42"))));
    try (TopicReader reader = RuntimeHarness.reader(platform.settings().bootstrap(), replies)) {
      reader.until(r -> !r.all().isEmpty(), WAIT);
      ConsumerRecord<byte[], byte[]> answer = reader.all().get(0);
      assertThat(answer.partition()).isEqualTo(1);
      assertThat(answer.key()).isNull();
      assertThat(answer.headers().lastHeader(ContractHeaders.CORRELATION_ID).value())
          .isEqualTo(utf8("spring-42"));
      JsonNode failed = Json.parse(answer.value());
      assertThat(failed.path("type").asText()).isEqualTo("failed");
      assertThat(failed.get("commandId").isNull()).isTrue();
      assertThat(failed.path("error").path("code").asText()).isEqualTo("NO_ID");
    }
    try (TopicReader dlq = platform.dlq()) {
      dlq.until(
          d -> d.all().stream().anyMatch(r -> java.util.Arrays.equals(r.value(), noId)), WAIT);
    }
  }
}
