package dev.switchboard.bench.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread. Poll a batch, start every command of it at once (their HTTP calls run
 * concurrently), wait until each has its terminal event acknowledged, flush, commit the batch's
 * offsets, poll again. A slow command therefore holds up the next batch of its partitions: that is
 * the price of this simple design, and what the benchmark shows.
 */
final class CommandLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandLoop.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final ProviderOperations operations;
  private final ResultPublisher out;
  private final Runnable flush;
  private final CountDownLatch assigned;
  private volatile boolean running = true;
  private boolean everAssigned;

  CommandLoop(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      ProviderOperations operations,
      ResultPublisher out,
      Runnable flush,
      CountDownLatch assigned) {
    this.consumer = consumer;
    this.topic = topic;
    this.operations = operations;
    this.out = out;
    this.flush = flush;
    this.assigned = assigned;
  }

  @Override
  public void run() {
    consumer.subscribe(
        List.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!everAssigned) {
              everAssigned = true;
              assigned.countDown();
            }
          }
        });
    try {
      while (running) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofSeconds(1));
        if (!batch.isEmpty()) {
          handle(batch);
        }
      }
    } catch (WakeupException e) {
      // stop() during poll(): nothing of a batch is in flight then.
    } catch (RuntimeException e) {
      LOG.error("consumer loop of {} stopped", topic, e);
    } finally {
      consumer.close();
    }
  }

  /** Called from the shutdown hook: the current batch finishes and is committed first. */
  void stop() {
    running = false;
    consumer.wakeup();
  }

  private void handle(ConsumerRecords<String, byte[]> batch) {
    List<CompletableFuture<Void>> done = new ArrayList<>(batch.count());
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    Map<TopicPartition, Long> firstOffset = new HashMap<>();
    for (ConsumerRecord<String, byte[]> rec : batch) {
      TopicPartition tp = new TopicPartition(rec.topic(), rec.partition());
      firstOffset.putIfAbsent(tp, rec.offset());
      next.put(tp, new OffsetAndMetadata(rec.offset() + 1));
      done.add(execute(Command.from(rec)));
    }
    boolean allPublished = true;
    for (CompletableFuture<Void> f : done) {
      try {
        f.join();
      } catch (RuntimeException e) {
        allPublished = false;
        LOG.warn("{}", CommandFailure.unwrap(e).getMessage());
      }
    }
    flush.run();
    if (!allPublished) {
      // At least once: leave the offsets uncommitted and read the batch again.
      firstOffset.forEach(consumer::seek);
      return;
    }
    try {
      commit(next);
    } catch (KafkaException e) {
      // E.g. the batch outlasted max.poll.interval.ms and the partitions moved on: their new
      // owner reads the batch again (at least once). The loop itself carries on.
      LOG.warn("commit on {} failed: {}", topic, e.toString());
    }
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      consumer.commitSync(offsets); // stop() came while the batch ran; a wakeup fires only once
    }
  }

  /** The command's terminal event, whatever happens; fails only if Kafka refused an event. */
  private CompletableFuture<Void> execute(Command c) {
    if (c.problem() != null) {
      return out.failed(c, new CommandFailure("INVALID_COMMAND", c.problem()));
    }
    CompletableFuture<Void> work;
    try {
      work = operations.start(c, out);
    } catch (RuntimeException e) {
      work = CompletableFuture.failedFuture(e);
    }
    return work.handle(
            (ok, e) -> {
              if (e == null) {
                return CompletableFuture.<Void>completedFuture(null);
              }
              Throwable cause = CommandFailure.unwrap(e);
              return cause instanceof ResultPublisher.PublishFailure
                  ? CompletableFuture.<Void>failedFuture(cause)
                  : out.failed(c, CommandFailure.of(cause));
            })
        .thenCompose(f -> f);
  }
}
