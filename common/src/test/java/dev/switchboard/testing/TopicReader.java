package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning, without a group, and keeps every record; result events are
 * grouped by command id (the record key) in partition order.
 */
public final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
  private final Map<String, List<JsonNode>> byId = new LinkedHashMap<>();

  TopicReader(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    consumer = new KafkaConsumer<>(p);
    List<TopicPartition> parts =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
  }

  /** Polls until {@code done} holds for what was read, or fails after {@code timeout}. */
  public TopicReader until(Predicate<TopicReader> done, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.test(this)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "timed out after "
                + timeout
                + "; read "
                + all.size()
                + " records, terminal events for "
                + terminalCount()
                + " commands");
      }
      for (var rec : consumer.poll(Duration.ofMillis(100))) {
        all.add(rec);
        if (rec.key() != null && rec.value() != null) {
          try {
            byId.computeIfAbsent(
                    new String(rec.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                .add(Json.parse(rec.value()));
          } catch (java.io.IOException e) {
            // not a result event (DLQ copies of bad input): kept in all() only
          }
        }
      }
    }
    return this;
  }

  /** Reads until every id in {@code ids} has a terminal event. */
  public TopicReader untilTerminal(Collection<String> ids, Duration timeout) {
    return until(r -> ids.stream().allMatch(r::hasTerminal), timeout);
  }

  /** Reads for a while longer, to catch records that should not be there. */
  public TopicReader settle(Duration quiet) {
    long end = System.nanoTime() + quiet.toNanos();
    return until(r -> System.nanoTime() > end, quiet.plusSeconds(5));
  }

  public boolean hasTerminal(String id) {
    return events(id).stream().anyMatch(TopicReader::isTerminal);
  }

  public List<JsonNode> events(String id) {
    return byId.getOrDefault(id, List.of());
  }

  /** The terminal events of {@code id} (exactly one when the contract holds). */
  public List<JsonNode> terminals(String id) {
    return events(id).stream().filter(TopicReader::isTerminal).toList();
  }

  public List<ConsumerRecord<byte[], byte[]>> all() {
    return all;
  }

  public Map<String, List<JsonNode>> byId() {
    return byId;
  }

  private long terminalCount() {
    return byId.keySet().stream().filter(this::hasTerminal).count();
  }

  static boolean isTerminal(JsonNode e) {
    String t = e.path("type").asText();
    return t.equals("completed") || t.equals("failed");
  }

  @Override
  public void close() {
    consumer.close();
  }
}
