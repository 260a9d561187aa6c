package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What a calling service does, as a blocking CLI: publish commands, then read the results topic for
 * events keyed by their ids until the terminal ones. Also used by end-to-end tests.
 */
public final class CommandClient implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Topics topics;

  public CommandClient(String bootstrap, String topicPrefix, String provider) {
    this(bootstrapOnly(bootstrap), topicPrefix, provider);
  }

  /**
   * @param client settings for both clients (bootstrap, TLS, SASL)
   */
  public CommandClient(Properties client, String topicPrefix, String provider) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
    Properties c = new Properties();
    c.putAll(client);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // Asking for a missing results topic must not create it (a typo would leave a topic behind).
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(c);
    this.topics = new Topics(topicPrefix, provider);
  }

  /**
   * Sends {@code command} (must have an {@code id}; keyed by its connection) and passes every
   * result event of it to {@code onEvent}; returns the terminal event, or null on timeout.
   */
  public JsonNode call(ObjectNode command, Consumer<JsonNode> onEvent, Duration timeout)
      throws Exception {
    return callAll(List.of(command), onEvent, timeout).get(command.get("id").asText());
  }

  /**
   * Sends every command (distinct ids), then waits up to {@code timeout} for their terminal events.
   * Returns the terminal events by id, in the commands' order; an id missing timed out.
   */
  public Map<String, JsonNode> callAll(
      List<ObjectNode> commands, Consumer<JsonNode> onEvent, Duration timeout) throws Exception {
    List<TopicPartition> parts = resultPartitions();
    consumer.assign(parts);
    consumer.seekToEnd(parts);
    parts.forEach(consumer::position); // fix the start before a command can be answered
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    Map<String, JsonNode> ends = new LinkedHashMap<>();
    for (ObjectNode command : commands) {
      byte[] key = command.path("connection").asText().getBytes(StandardCharsets.UTF_8);
      sent.add(producer.send(new ProducerRecord<>(topics.commands(), key, Json.bytes(command))));
      ends.put(command.get("id").asText(), null);
    }
    for (Future<RecordMetadata> f : sent) {
      f.get();
    }
    long end = System.nanoTime() + timeout.toNanos();
    int open = ends.size();
    while (open > 0 && System.nanoTime() < end) {
      for (var rec : consumer.poll(Duration.ofMillis(200))) {
        String id = rec.key() == null ? null : new String(rec.key(), StandardCharsets.UTF_8);
        if (id == null || !ends.containsKey(id) || ends.get(id) != null) {
          continue;
        }
        JsonNode event = Json.parse(rec.value());
        onEvent.accept(event);
        String type = event.path("type").asText();
        if (type.equals("completed") || type.equals("failed")) {
          ends.put(id, event);
          open--;
        }
      }
    }
    ends.values().removeIf(v -> v == null);
    return ends;
  }

  /**
   * The results topic's partitions. Just after the platform created its topics the broker's
   * metadata may not list them yet, so ask again for a while rather than fail.
   */
  private static final Executor RETRY_DELAY =
      CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS);

  private List<TopicPartition> resultPartitions() throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      var infos = consumer.partitionsFor(topics.results(), Duration.ofSeconds(10));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      if (System.nanoTime() > end) {
        throw CliException.unavailable(
            "topic "
                + topics.results()
                + " not found: is the platform running with this topic prefix and provider?");
      }
      // Look again shortly, on a timer (this is the CLI's own thread, never an event loop).
      try {
        CompletableFuture.runAsync(() -> {}, RETRY_DELAY).get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static Properties bootstrapOnly(String bootstrap) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return p;
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
