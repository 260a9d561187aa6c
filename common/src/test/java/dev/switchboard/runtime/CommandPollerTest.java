package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The poll thread's contract: records out, pause/resume and commits in, commits of finished work
 * before a revoked partition moves, a clean leave on stop.
 */
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
    volatile Runnable afterPoll = () -> {};

    /** Offsets committed, by either commit call. */
    final Map<TopicPartition, Long> commits = new java.util.concurrent.ConcurrentHashMap<>();

    /** Offsets committed by {@code commitSync}. */
    final Map<TopicPartition, Long> syncCommits = new java.util.concurrent.ConcurrentHashMap<>();

    /** Completed polls. */
    final java.util.concurrent.atomic.AtomicInteger polls =
        new java.util.concurrent.atomic.AtomicInteger();

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
      polls.incrementAndGet();
      afterPoll.run();
      return records;
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      throwPendingWakeup();
      super.commitSync(offsets);
      offsets.forEach((tp, om) -> commits.put(tp, om.offset()));
      offsets.forEach((tp, om) -> syncCommits.put(tp, om.offset()));
    }

    @Override
    public synchronized void commitAsync(
        Map<TopicPartition, OffsetAndMetadata> offsets,
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

    /** Rebalance callbacks as they came: "revoking [..]", "revoked [..]", "assigned [..]". */
    final List<String> rebalances = new CopyOnWriteArrayList<>();

    volatile long generation = -1;
    volatile RuntimeException fenced;

    /** What onRevoking answers: the running commands of the revoked partitions are done. */
    volatile Promise<Void> running = Promise.promise();

    @Override
    public void onRecords(List<ConsumerRecord<byte[], byte[]>> batch) {
      records.addAll(batch);
    }

    @Override
    public void onAssigned(Collection<TopicPartition> partitions, long gen) {
      generation = gen;
      rebalances.add("assigned " + partitions);
    }

    @Override
    public Future<Void> onRevoking(Collection<TopicPartition> partitions) {
      rebalances.add("revoking " + partitions);
      return running.future();
    }

    @Override
    public void onRevoked(Collection<TopicPartition> partitions) {
      rebalances.add("revoked " + partitions);
    }

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
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(TP));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, null, new byte[] {1}));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, null, new byte[] {2}));
        });
    CommandPoller poller =
        new CommandPoller(consumer, TOPIC, context, listener, false, Duration.ofSeconds(5));
    poller.start();
    await(() -> listener.records.size() == 2 && listener.generation >= 0);
    return poller;
  }

  @Test
  void joinsOnlyOnceAnAssignmentArrived() {
    CommandPoller poller =
        new CommandPoller(consumer, TOPIC, context, listener, false, Duration.ofSeconds(5));
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
    consumer.afterPoll =
        () -> {
          consumer.afterPoll = () -> {};
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
    consumer.schedulePollTask(
        () -> {
          poller.committable(TP, listener.generation, 1); // finished just as the fence arrives
          throw new FencedInstanceIdException("instance id taken by a newer member");
        });
    poller.stopped().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    await(() -> listener.fenced != null);
    assertThat(poller.alive()).isFalse();
    assertThat(consumer.commits).isEmpty(); // the new owner commits, not this one
  }

  @Test
  void aPauseStopsDeliveryWhileThePollsGoOnAndAResumeRestartsIt() throws Exception {
    CommandPoller poller = startedWithTwoRecords();
    poller.pause(TP);
    await(() -> consumer.paused().contains(TP));
    consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 2, null, new byte[] {3}));
    int polls = consumer.polls.get();
    // the member keeps polling, so it stays in the group
    await(() -> consumer.polls.get() >= polls + 3);
    assertThat(listener.records).hasSize(2);

    poller.resume(TP);
    await(() -> listener.records.size() == 3);
    assertThat(consumer.paused()).isEmpty();
    assertThat(listener.records.get(2).offset()).isEqualTo(2);
    poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aPauseOrResumeOfAPartitionNoLongerAssignedIsIgnored() throws Exception {
    CommandPoller poller = startedWithTwoRecords();
    TopicPartition gone = new TopicPartition(TOPIC, 7);
    poller.pause(gone); // KafkaConsumer.pause would throw for it, ending the poll loop
    poller.resume(gone);
    int polls = consumer.polls.get();
    await(() -> consumer.polls.get() >= polls + 2);
    assertThat(poller.alive()).isTrue();
    assertThat(consumer.paused()).isEmpty();
    poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void partitionsPausedOnAssignmentDeliverNothingUntilResumed() throws Exception {
    consumer.updateBeginningOffsets(Map.of(TP, 0L));
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(TP));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, null, new byte[] {1}));
        });
    CommandPoller poller =
        new CommandPoller(consumer, TOPIC, context, listener, true, Duration.ofSeconds(5));
    poller.start();
    await(() -> listener.generation >= 0);
    int polls = consumer.polls.get();
    await(() -> consumer.polls.get() >= polls + 3);
    assertThat(consumer.paused()).containsExactly(TP); // its ledger is being restored
    assertThat(listener.records).isEmpty();

    poller.resume(TP);
    await(() -> listener.records.size() == 1);
    poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aRevokeWaitsForTheRunningCommandsThenCommitsWhatTheyFinishedBeforeThePartitionMoves()
      throws Exception {
    CommandPoller poller = startedWithTwoRecords();
    long generation = listener.generation;
    consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
    await(() -> listener.rebalances.contains("revoking [" + TP + "]"));
    int polls = consumer.polls.get();
    Thread.sleep(300);
    assertThat(consumer.polls.get()).as("the poll thread waits inside the revoke").isEqualTo(polls);
    assertThat(listener.rebalances).doesNotContain("revoked [" + TP + "]");
    assertThat(consumer.syncCommits).isEmpty();

    poller.committable(TP, generation, 2); // the running commands finish...
    listener.running.complete(); // ...and say so
    await(() -> listener.rebalances.contains("revoked [" + TP + "]"));
    assertThat(consumer.syncCommits).containsEntry(TP, 2L); // committed before the partition moved
    assertThat(listener.rebalances)
        .containsSubsequence("revoking [" + TP + "]", "revoked [" + TP + "]");

    poller.committable(TP, generation, 5); // late work of the revoked partition: not committed
    poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(consumer.commits).containsEntry(TP, 2L);
  }

  @Test
  void aRevokeWhoseCommandsRunPastTheWaitCommitsWhatIsFinishedAndMovesOn() throws Exception {
    consumer.updateBeginningOffsets(Map.of(TP, 0L));
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(TP));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, null, new byte[] {1}));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, null, new byte[] {2}));
        });
    CommandPoller poller =
        new CommandPoller(consumer, TOPIC, context, listener, false, Duration.ofMillis(200));
    poller.start();
    await(() -> listener.records.size() == 2 && listener.generation >= 0);
    consumer.schedulePollTask(
        () -> {
          poller.committable(TP, listener.generation, 1); // offset 0 done, offset 1 still running
          consumer.rebalance(List.of());
        });
    await(() -> listener.rebalances.contains("revoked [" + TP + "]")); // never told it finished
    assertThat(consumer.syncCommits).containsEntry(TP, 1L);
    assertThat(poller.alive()).isTrue();
    poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aPartitionAssignedAgainStartsANewGenerationAndOldMarksAreIgnored() throws Exception {
    CommandPoller poller = startedWithTwoRecords();
    long first = listener.generation;
    listener.running.complete();
    consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP)));
    await(() -> listener.generation > first);
    poller.committable(TP, first, 2); // finished under the old assignment
    int polls = consumer.polls.get();
    await(() -> consumer.polls.get() >= polls + 2);
    assertThat(consumer.commits).doesNotContainKey(TP);
    poller.committable(TP, listener.generation, 1);
    await(() -> Long.valueOf(1).equals(consumer.commits.get(TP)));
    poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(consumer.commits).containsEntry(TP, 1L);
    assertThat(Set.copyOf(listener.rebalances))
        .contains("assigned [" + TP + "]", "revoking [" + TP + "]", "revoked [" + TP + "]");
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
