package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Results go where the caller asks: the replyTo field, else the kafka_replyTopic header. */
class ReplyToIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void replyToFieldAndReplyTopicHeaderRouteTheEventsAwayFromTheResultsTopic() throws Exception {
    try (RuntimeHarness platform =
        RuntimeHarness.start(ScenarioConnector.ID, Map.of("c1", Json.object()), s -> s)) {
      String bootstrap = platform.settings().bootstrap();
      String fieldTopic = "reply-field-" + UUID.randomUUID();
      String headerTopic = "reply-header-" + UUID.randomUUID();
      createTopics(bootstrap, fieldTopic, headerTopic);

      ObjectNode byField =
          RuntimeHarness.command("records", "c1", Json.object().put("count", 6))
              .put("replyTo", fieldTopic);
      String fieldId = platform.send(byField);
      ObjectNode byHeader = RuntimeHarness.command("echo", "c1", Json.object().put("value", "300"));
      String headerId = byHeader.path("id").asText();
      platform.sendRaw(
          "c1".getBytes(StandardCharsets.UTF_8),
          Json.bytes(byHeader),
          List.of(
              new RecordHeader(
                  ContractHeaders.REPLY_TOPIC, headerTopic.getBytes(StandardCharsets.UTF_8))));
      String control = platform.send(RuntimeHarness.command("echo", "c1", null));

      List<JsonNode> fieldEvents = readUntilTerminal(bootstrap, fieldTopic, fieldId);
      assertThat(fieldEvents).hasSize(7); // six records, then completed
      assertThat(fieldEvents.get(6).path("type").asText()).isEqualTo("completed");
      assertThat(fieldEvents.get(6).path("records").asLong()).isEqualTo(6);
      assertThat(fieldEvents)
          .allSatisfy(e -> assertThat(e.path("commandId").asText()).isEqualTo(fieldId));

      List<JsonNode> headerEvents = readUntilTerminal(bootstrap, headerTopic, headerId);
      assertThat(headerEvents)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.path("type").asText()).isEqualTo("completed");
                assertThat(e.path("data").path("value").asText()).isEqualTo("300");
              });

      try (TopicReader results = platform.results()) {
        results.untilTerminal(List.of(control), WAIT).settle(Duration.ofSeconds(1));
        assertThat(results.terminals(control)).hasSize(1); // the results topic works...
        assertThat(results.events(fieldId)).isEmpty(); // ...and got nothing of the others
        assertThat(results.events(headerId)).isEmpty();
      }
    }
  }

  private static void createTopics(String bootstrap, String... names) throws Exception {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      admin
          .createTopics(List.of(names).stream().map(n -> new NewTopic(n, 1, (short) 1)).toList())
          .all()
          .get();
    }
  }

  /** Reads one single-partition topic from the start until {@code id} has a terminal event. */
  private static List<JsonNode> readUntilTerminal(String bootstrap, String topic, String id)
      throws Exception {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<JsonNode> events = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end) {
        for (var rec : consumer.poll(Duration.ofMillis(200))) {
          assertThat(new String(rec.key(), StandardCharsets.UTF_8)).isEqualTo(id);
          JsonNode e = Json.parse(rec.value());
          events.add(e);
          String type = e.path("type").asText();
          if (type.equals("completed") || type.equals("failed")) {
            return events;
          }
        }
      }
    }
    throw new AssertionError("no terminal event for " + id + " on " + topic + "; got " + events);
  }
}
