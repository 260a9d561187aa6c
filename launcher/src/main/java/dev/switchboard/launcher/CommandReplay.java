package dev.switchboard.launcher;

import dev.switchboard.message.ContractHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes a range of a provider's commands (or its dead letters) to its commands topic, with
 * the same key, value and headers plus {@code switchboard_replay}, to the partition each came from
 * (the ledger dedupes per partition, so a replayed command must meet its own ledger records). The
 * runtime's ledger then decides what runs again: a finished write is answered with its recorded
 * outcome, a read runs again. Dead letters are re-driven without their DLQ headers; a truncated
 * copy cannot be re-driven and is skipped.
 *
 * <p>The range ends where each partition ended when the replay began, so the re-published records
 * are never read again.
 */
final class CommandReplay {
  /** What a replay found (and, unless it was a dry run, re-published). */
  record Result(long records, long skipped, List<String> firstIds) {}

  private final Properties client;

  CommandReplay(String bootstrap, Properties extra) {
    client = new Properties();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    client.putAll(extra);
  }

  /**
   * @param source the commands topic, or the DLQ
   * @param target the commands topic
   * @param fromTime first record's time, or null to use {@code fromOffset}
   * @param fromOffset first offset in every partition (when {@code fromTime} is null)
   * @param toTime last record's time, or null for everything up to now
   */
  Result run(
      String source,
      String target,
      Instant fromTime,
      long fromOffset,
      Instant toTime,
      boolean dryRun,
      LongConsumer progress)
      throws Exception {
    long records = 0;
    long skipped = 0;
    List<String> firstIds = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer();
        KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer()) {
      List<TopicPartition> parts =
          consumer.partitionsFor(source, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(source, i.partition()))
              .toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
      Map<TopicPartition, Long> starts = starts(consumer, parts, fromTime, fromOffset, ends);
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (TopicPartition tp : parts) {
        consumer.assign(List.of(tp));
        consumer.seek(tp, starts.get(tp));
        while (consumer.position(tp) < ends.get(tp)) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.offset() >= ends.get(tp)
                || toTime != null && r.timestamp() > toTime.toEpochMilli()) {
              continue;
            }
            if (header(r, ContractHeaders.DLQ_TRUNCATED) != null) {
              skipped++;
              continue;
            }
            records++;
            if (firstIds.size() < 10) {
              firstIds.add(idOf(r.value()));
            }
            if (producer != null) {
              sent.add(producer.send(replayed(r, target)));
            }
            progress.accept(records);
          }
        }
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(); // a record the broker refused fails the replay, loudly
      }
    }
    return new Result(records, skipped, firstIds);
  }

  /** The same record for the commands topic, at the partition it came from. */
  private static ProducerRecord<byte[], byte[]> replayed(
      ConsumerRecord<byte[], byte[]> r, String target) {
    String dlqPartition = header(r, ContractHeaders.DLQ_PARTITION);
    int partition = dlqPartition != null ? Integer.parseInt(dlqPartition) : r.partition();
    List<Header> headers = new ArrayList<>();
    for (Header h : r.headers()) {
      if (!h.key().startsWith("switchboard_dlq_") && !h.key().equals(ContractHeaders.REPLAY)) {
        headers.add(h);
      }
    }
    String origin =
        header(r, ContractHeaders.DLQ_TOPIC) != null
            ? header(r, ContractHeaders.DLQ_TOPIC)
                + "/"
                + partition
                + "/"
                + header(r, ContractHeaders.DLQ_OFFSET)
            : r.topic() + "/" + r.partition() + "/" + r.offset();
    headers.add(new RecordHeader(ContractHeaders.REPLAY, origin.getBytes(StandardCharsets.UTF_8)));
    return new ProducerRecord<>(target, partition, r.key(), r.value(), headers);
  }

  private static Map<TopicPartition, Long> starts(
      KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> parts,
      Instant fromTime,
      long fromOffset,
      Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> starts = new HashMap<>();
    if (fromTime == null) {
      Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(parts);
      parts.forEach(tp -> starts.put(tp, Math.max(fromOffset, beginnings.get(tp))));
      return starts;
    }
    Map<TopicPartition, Long> query = new HashMap<>();
    parts.forEach(tp -> query.put(tp, fromTime.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    parts.forEach(
        tp -> starts.put(tp, found.get(tp) == null ? ends.get(tp) : found.get(tp).offset()));
    return starts;
  }

  /** The command's id for the dry-run listing, without trusting the value to be JSON. */
  private static String idOf(byte[] value) {
    try {
      return dev.switchboard.json.Json.parse(value).path("id").asText("-");
    } catch (Exception e) {
      return "-";
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }
}
