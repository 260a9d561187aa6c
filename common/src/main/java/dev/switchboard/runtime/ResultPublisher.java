package dev.switchboard.runtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends result, DLQ and ledger records with an idempotent, {@code acks=all} producer and completes
 * each send's future, on the caller's event loop, when Kafka acknowledges it.
 *
 * <p>{@code KafkaProducer.send} can block (metadata, full buffer), so sends run on one thread of
 * their own; one thread keeps the send order, which with idempotence is the order on the partition,
 * so records of a command arrive in {@code seq} order.
 */
final class ResultPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "switchboard-send");
            t.setDaemon(true);
            return t;
          });

  /** The producer's own metrics in {@code metrics}; unbind before {@link #close()}. */
  AutoCloseable bindMetrics(dev.switchboard.metrics.Metrics metrics, String provider) {
    return metrics.bindKafka(producer, provider);
  }

  ResultPublisher(Properties base) {
    Properties p = new Properties();
    p.putAll(base);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // How long a send may wait for metadata before it fails: long enough to ride out a broker
    // restart (10 s failed streams when a broker took 11-16 s to come back), short of the
    // default minute. Reply topics are checked before a command runs, so a missing topic
    // rarely gets here.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
  }

  /**
   * Sends one record; the future completes on {@code context}, with where Kafka wrote it, once
   * Kafka acknowledged it.
   */
  Future<RecordMetadata> send(
      Context context, String topic, byte[] key, byte[] value, List<Header> headers) {
    return send(context, topic, null, key, value, headers);
  }

  /** The same to a given partition (null: the partitioner's choice by key). */
  Future<RecordMetadata> send(
      Context context,
      String topic,
      Integer partition,
      byte[] key,
      byte[] value,
      List<Header> headers) {
    Promise<RecordMetadata> acked = Promise.promise();
    ProducerRecord<byte[], byte[]> rec =
        new ProducerRecord<>(topic, partition, key, value, headers);
    try {
      sender.execute(
          () -> {
            try {
              producer.send(
                  rec,
                  (md, err) ->
                      context.runOnContext(
                          v -> {
                            if (err == null) {
                              acked.complete(md);
                            } else {
                              acked.fail(err);
                            }
                          }));
            } catch (RuntimeException e) {
              context.runOnContext(v -> acked.fail(e));
            }
          });
    } catch (RejectedExecutionException e) {
      acked.fail(new IllegalStateException("publisher is closed"));
    }
    return acked.future();
  }

  /** Flushes and closes; blocking, so call it off the event loop. */
  @Override
  public void close() {
    sender.shutdown();
    producer.close(Duration.ofSeconds(10));
  }
}
