package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll thread's contract: records out, pause/resume and commits in, a clean leave on stop. */
class CommandPollerTest {
  private static final String TOPIC = "t.commands";
  private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final RealisticConsumer consumer = new RealisticConsumer();
  private final Recorder listener = new Recorder();

  /**
   * A MockConsumer that keeps KafkaConsumer's documented wakeup rule: a {@code wakeup()} that no
   * poll consumed is thrown by the next blocking call ({@code commitSync}, {@code close}).
   */
  static final class RealisticConsumer extends MockConsumer<byte[], byte[]> {
    volatile boolean wakeupPending;
    volatile int wakeups;
    volatile CloseOptions closedWith;
    volatile Runnable afterPoll = () -> { };
    /** Offsets committed, by either commit call. */
    final Map<TopicPartition, Long> commits = new java.util.concurrent.ConcurrentHashMap<>();

    RealisticConsumer() {
      super(AutoOffsetResetStrategy.EARLIEST.name());
    }

    @Override
    public synchronized void wakeup() {
      wakeups++;
      wakeupPending = true;
      super.wakeup();
    }

    @Override
    public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
      wakeupPending = false; // consumed (thrown) by this poll if it was pending
      ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
      afterPoll.run();
      return records;
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      throwPendingWakeup();
      super.commitSync(offsets);
      offsets.forEach((tp, om) -> commits.put(tp, om.offset()));
    }

    @Override
    public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
        org.apache.kafka.clients.consumer.OffsetCommitCallback callback) {
      super.commitAsync(offsets, callback);
      offsets.forEach((tp, om) -> commits.put(tp, om.offset()));
    }

    @Override
    public void close(CloseOptions options) {
      throwPendingWakeup();
      closedWith = options;
      super.close(options);
    }

    private void throwPendingWakeup() {
      if (wakeupPending) {
        wakeupPending = false;
        throw new WakeupException();
      }
    }
  }

  static final class Recorder implements CommandPoller.Listener {
    final List<ConsumerRecord<byte[], byte[]>> records = new CopyOnWriteArrayList<>();
    volatile long generation = -1;
    volatile RuntimeException fenced;

    @Override
    public void onRecords(List<ConsumerRecord<byte[], byte[]>> batch) {
      records.addAll(batch);
    }

    @Override
    public void onAssigned(Collection<TopicPartition> partitions, long gen) {
      generation = gen;
    }

    @Override
    public void onRevoked(Collection<TopicPartition> partitions) { }

    @Override
    public void onFenced(RuntimeException e) {
      fenced = e;
    }
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private CommandPoller startedWithTwoRecords() {
    consumer.updateBeginningOffsets(Map.of(TP, 0L));
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(TP));
      consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, null, new byte[] {1}));
      consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, null, new byte[] {2}));
    });
    CommandPoller poller = new CommandPoller(consumer, TOPIC, context, listener, false,
        Duration.ofSeconds(5));
    poller.start();
    await(() -> listener.records.size() == 2 && listener.generation >= 0);
    return poller;
  }

  @Test
  void joinsOnlyOnceAnAssignmentArrived() {
    CommandPoller poller = new CommandPoller(consumer, TOPIC, context, listener, false,
        Duration.ofSeconds(5));
    assertThat(poller.joined()).isFalse();
    consumer.updateBeginningOffsets(Map.of(TP, 0L));
    poller.start();
    assertThat(poller.alive()).isTrue();
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP)));
    await(poller::joined);
  }

  @Test
  void aStopRacingThePollStillCommitsWhatIsFinishedAndLeavesTheGroup() throws Exception {
    CommandPoller poller = startedWithTwoRecords();
    poller.committable(TP, listener.generation, 2);
    // The stop arrives just after a poll returned: a wakeup() would be thrown by the final
    // commit or by close(), losing the commit and keeping the partitions held.
    consumer.afterPoll = () -> {
      consumer.afterPoll = () -> { };
      poller.stop();
    };
    poller.stopped().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(consumer.wakeups).isZero();
    assertThat(consumer.commits).containsEntry(TP, 2L);
    assertThat(consumer.closedWith).isNotNull();
    assertThat(consumer.closedWith.groupMembershipOperation())
        .isEqualTo(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
  }

  @Test
  void aCommitMarkFromAnOlderAssignmentIsIgnored() throws Exception {
    CommandPoller poller = startedWithTwoRecords();
    poller.committable(TP, listener.generation - 1, 2);
    poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(consumer.commits).isEmpty();
  }

  @Test
  void aFencedMemberStopsAndSaysSoWithoutCommitting() throws Exception {
    CommandPoller poller = startedWithTwoRecords();
    consumer.schedulePollTask(() -> {
      poller.committable(TP, listener.generation, 1); // finished just as the fence arrives
      throw new FencedInstanceIdException("instance id taken by a newer member");
    });
    poller.stopped().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    await(() -> listener.fenced != null);
    assertThat(poller.alive()).isFalse();
    assertThat(consumer.commits).isEmpty(); // the new owner commits, not this one
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.onSpinWait();
    }
  }
}
