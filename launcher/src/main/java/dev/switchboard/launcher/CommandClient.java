package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What a calling service does, as a blocking CLI: publish a command, then read the results topic
 * for events keyed by its id until the terminal one. Also used by end-to-end tests.
 */
public final class CommandClient implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Topics topics;

  public CommandClient(String bootstrap, String topicPrefix, String provider) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
    Properties c = new Properties();
    c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(c);
    this.topics = new Topics(topicPrefix, provider);
  }

  /**
   * Sends {@code command} (must have an {@code id}; keyed by its connection) and passes every
   * result event of it to {@code onEvent}; returns the terminal event, or null on timeout.
   */
  public JsonNode call(ObjectNode command, Consumer<JsonNode> onEvent, Duration timeout)
      throws Exception {
    String id = command.get("id").asText();
    List<TopicPartition> parts = resultPartitions();
    consumer.assign(parts);
    consumer.seekToEnd(parts);
    parts.forEach(consumer::position); // fix the start before the command can be answered
    byte[] key = command.path("connection").asText().getBytes(StandardCharsets.UTF_8);
    producer.send(new ProducerRecord<>(topics.commands(), key, Json.bytes(command))).get();
    long end = System.nanoTime() + timeout.toNanos();
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    while (System.nanoTime() < end) {
      for (var rec : consumer.poll(Duration.ofMillis(200))) {
        if (!java.util.Arrays.equals(rec.key(), idBytes)) {
          continue;
        }
        JsonNode event = Json.parse(rec.value());
        onEvent.accept(event);
        String type = event.path("type").asText();
        if (type.equals("completed") || type.equals("failed")) {
          return event;
        }
      }
    }
    return null;
  }

  /**
   * The results topic's partitions. Just after the platform created its topics the broker's
   * metadata may not list them yet, so ask again for a while rather than fail.
   */
  private List<TopicPartition> resultPartitions() throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      var infos = consumer.partitionsFor(topics.results(), Duration.ofSeconds(10));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException(
            "topic "
                + topics.results()
                + " not found: is the "
                + "platform running with this topic prefix and provider?");
      }
      Thread.sleep(200); // a CLI thread, not an event loop
    }
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
