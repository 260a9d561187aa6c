package dev.switchboard.runtime;

import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Blocking reads of the ledger topic, for worker threads only: a whole partition into a {@link
 * LedgerIndex} (the restore), and one record by offset (a recorded outcome). No consumer group:
 * partitions are assigned directly.
 */
final class LedgerReader implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  /** A read that finds nothing for this long is given up (the broker is away). */
  private static final long READ_TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();

  private final String topic;
  private final Properties props;

  /** For read-backs, which are rare: one consumer, one read at a time. */
  private KafkaConsumer<byte[], byte[]> single;

  LedgerReader(String topic, Properties base) {
    this.topic = topic;
    this.props = new Properties();
    props.putAll(base);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    // A read-back seeks where the previous read left a fetch waiting at the log's end: with the
    // default 500 ms wait, replays were answered one per 500 ms (AccengageCrashIT).
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
  }

  /** Every record of ledger partition {@code partition}, up to its end now, as an index. */
  LedgerIndex restore(int partition) {
    LedgerIndex index = new LedgerIndex();
    TopicPartition tp = new TopicPartition(topic, partition);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
    try {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long deadline = System.nanoTime() + READ_TIMEOUT_NANOS;
      while (consumer.position(tp) < end) {
        var records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          deadline = System.nanoTime() + READ_TIMEOUT_NANOS;
        } else if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "ledger partition "
                  + tp
                  + " could not be read to its "
                  + "end ("
                  + end
                  + ") within 30 s");
        }
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (r.key() != null) {
            index.put(
                new String(r.key(), StandardCharsets.UTF_8),
                r.offset(),
                Ledger.FINISHED.equals(header(r, Ledger.STATE)));
          }
        }
      }
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(1))); // no group to leave
    }
    return index;
  }

  /** The ledger record at {@code offset}; a reference to a large event is followed. */
  synchronized Ledger.Recorded read(int partition, long offset) {
    ConsumerRecord<byte[], byte[]> r = at(new TopicPartition(topic, partition), offset);
    String ref = header(r, Ledger.REF);
    byte[] value = r.value();
    if (ref != null) {
      String[] parts = ref.split("/");
      value =
          at(new TopicPartition(parts[0], Integer.parseInt(parts[1])), Long.parseLong(parts[2]))
              .value();
    }
    return new Ledger.Recorded(header(r, Ledger.STATE), header(r, Ledger.TYPE), value);
  }

  private ConsumerRecord<byte[], byte[]> at(TopicPartition tp, long offset) {
    if (single == null) {
      single = new KafkaConsumer<>(props);
    }
    single.assign(List.of(tp));
    single.seek(tp, offset);
    long deadline = System.nanoTime() + READ_TIMEOUT_NANOS;
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : single.poll(POLL)) {
        if (r.offset() == offset) {
          return r;
        }
        if (r.offset() > offset) {
          break; // compacted or deleted: a newer record of the id, or past retention
        }
      }
      if (single.position(tp) > offset) {
        break;
      }
    }
    throw new SwitchboardException(
        "RECORDED_OUTCOME_UNAVAILABLE",
        Category.CONFLICT,
        "the recorded outcome at " + tp + "@" + offset + " can no longer be read (retention)");
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (single != null) {
      single.close();
    }
  }
}
