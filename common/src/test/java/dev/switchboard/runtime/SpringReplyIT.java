package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.AggregatingReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Spring Kafka's request/reply, unchanged, against the platform: {@code ReplyingKafkaTemplate} for
 * single results (each caller instance on its own reply partition, a reply error checker for {@code
 * failed}), {@code AggregatingReplyingKafkaTemplate} for streams. What docs/clients.md shows.
 */
class SpringReplyIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static RuntimeHarness platform;
  private static String replies;

  @BeforeAll
  static void start() throws Exception {
    platform = RuntimeHarness.start(ScenarioConnector.ID, Map.of("c1", Json.object()), s -> s);
    replies = "spring-replies-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      admin.createTopics(List.of(new NewTopic(replies, 3, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
  }

  private static String bootstrap() {
    return platform.settings().bootstrap();
  }

  private static DefaultKafkaProducerFactory<String, String> producers() {
    return new DefaultKafkaProducerFactory<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  /**
   * One caller instance: it listens on one partition of the shared reply topic only. Values are
   * strings; {@code R} is only the type the template sees them as (the aggregating template types
   * them as collections).
   */
  private static <R> KafkaMessageListenerContainer<String, R> replyContainer(
      int partition, ContainerProperties.AckMode ackMode) {
    ContainerProperties props =
        new ContainerProperties(new TopicPartitionOffset(replies, partition));
    props.setGroupId("caller-" + UUID.randomUUID());
    props.setAckMode(ackMode);
    return new KafkaMessageListenerContainer<>(
        new DefaultKafkaConsumerFactory<String, R>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class)),
        props);
  }

  /** A command as a Spring caller sends it: keyed by connection, naming its reply partition. */
  private static ProducerRecord<String, String> command(String operation, JsonNode params, int p) {
    var cmd =
        RuntimeHarness.command(
            operation, "c1", (com.fasterxml.jackson.databind.node.ObjectNode) params);
    ProducerRecord<String, String> rec =
        new ProducerRecord<>(platform.topics().commands(), "c1", Json.text(cmd));
    rec.headers()
        .add(
            new RecordHeader(
                KafkaHeaders.REPLY_PARTITION, ByteBuffer.allocate(4).putInt(p).array()));
    return rec;
  }

  @Test
  void singleResultsComeBackToEachCallersOwnPartitionAndFailedIsAnError() throws Exception {
    List<ReplyingKafkaTemplate<String, String, String>> callers = new ArrayList<>();
    try {
      for (int p = 0; p < 3; p++) {
        var template =
            new ReplyingKafkaTemplate<>(
                producers(),
                SpringReplyIT.<String>replyContainer(p, ContainerProperties.AckMode.BATCH));
        template.setDefaultReplyTimeout(WAIT);
        // The platform marks every event with switchboard_type: a failed one is an error.
        template.setReplyErrorChecker(
            r -> {
              var type = r.headers().lastHeader(ContractHeaders.EVENT_TYPE);
              return type != null
                      && new String(type.value(), StandardCharsets.UTF_8).equals("failed")
                  ? new IllegalStateException("failed: " + r.value())
                  : null;
            });
        template.start();
        callers.add(template);
      }
      for (int i = 0; i < 9; i++) {
        int p = i % 3;
        ConsumerRecord<String, String> reply =
            callers
                .get(p)
                .sendAndReceive(command("echo", Json.object().put("value", "v" + i), p))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(reply.partition()).isEqualTo(p);
        JsonNode completed = Json.parse(reply.value().getBytes(StandardCharsets.UTF_8));
        assertThat(completed.path("type").asText()).isEqualTo("completed");
        assertThat(completed.path("data").path("value").asText()).isEqualTo("v" + i);
      }
      assertThatThrownBy(
              () ->
                  callers
                      .get(1)
                      .sendAndReceive(command("no.such.operation", Json.object(), 1))
                      .get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("UNKNOWN_OPERATION");
    } finally {
      callers.forEach(ReplyingKafkaTemplate::stop);
    }
  }

  @Test
  void aStreamIsGatheredUntilItsTerminalEvent() throws Exception {
    var template =
        new AggregatingReplyingKafkaTemplate<String, String, String>(
            producers(),
            replyContainer(2, ContainerProperties.AckMode.MANUAL),
            (List<ConsumerRecord<String, String>> got, Boolean timedOut) ->
                timedOut || got.stream().anyMatch(SpringReplyIT::terminal));
    template.setDefaultReplyTimeout(WAIT);
    template.start();
    try {
      ConsumerRecord<String, Collection<ConsumerRecord<String, String>>> reply =
          template
              .sendAndReceive(command("records", Json.object().put("count", 25), 2))
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      List<JsonNode> events = new ArrayList<>();
      for (ConsumerRecord<String, String> r : reply.value()) {
        events.add(Json.parse(r.value().getBytes(StandardCharsets.UTF_8)));
      }
      assertThat(events).hasSize(26);
      assertThat(events.get(25).path("type").asText()).isEqualTo("completed");
      for (int i = 0; i < 25; i++) {
        assertThat(events.get(i).path("seq").asLong()).isEqualTo(i);
      }
    } finally {
      template.stop();
    }
  }

  private static boolean terminal(ConsumerRecord<String, String> r) {
    var type = r.headers().lastHeader(ContractHeaders.EVENT_TYPE);
    String t = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
    return t.equals("completed") || t.equals("failed");
  }
}
