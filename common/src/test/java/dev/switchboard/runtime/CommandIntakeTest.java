package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.message.Topics;
import dev.switchboard.metrics.Metrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The intake between the poll thread and the dispatcher, on a {@code MockConsumer}: start order and
 * bounds, contiguous commits, pause at the high-water mark and resume at half, duplicates attached,
 * redeliveries adopted, revokes that wait for the running commands, and a stop that abandons what
 * outlives its grace. Commands run a {@link HeldOperation} the test releases; their answers go to a
 * publisher Kafka refuses for good, so every command still ends.
 */
class CommandIntakeTest {
  private static final Topics TOPICS = new Topics("t", "scenario");
  private static final TopicPartition TP = new TopicPartition(TOPICS.commands(), 0);

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final CommandPollerTest.RealisticConsumer consumer =
      new CommandPollerTest.RealisticConsumer();
  private final HeldOperation hold = new HeldOperation("hold", false);
  private CommandIntake intake;
  private CommandPoller poller;

  @AfterEach
  void close() throws Exception {
    if (poller != null && poller.alive()) {
      poller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Bounds: commands on the instance, per connection; records a partition holds before a pause. */
  private static RuntimeSettings settings(
      int maxInFlight, int perConnection, int queueHighWater, Duration grace) {
    RuntimeSettings d = RuntimeSettings.defaults("unused").withLedger(false, Duration.ofDays(1));
    return new RuntimeSettings(
        d.bootstrap(),
        d.topicPrefix(),
        d.partitions(),
        d.replicationFactor(),
        d.groupPrefix(),
        maxInFlight,
        perConnection,
        d.resultWindow(),
        d.resultWindowBytes(),
        d.maxCommandBytes(),
        queueHighWater,
        grace,
        d.kafka(),
        d.instanceId(),
        d.ledger(),
        d.ledgerRetention(),
        d.createTopics());
  }

  /** Starts the intake and its poller, which is assigned partition 0. */
  private void start(RuntimeSettings settings, Duration revokeWait) {
    Object connection = new Object();
    Dispatcher<Object> dispatcher =
        new Dispatcher<>(
            TOPICS,
            Map.of("hold", hold),
            Map.of("c1", connection, "c2", connection, "c3", connection),
            RefusedPublisher.create(),
            null,
            null,
            context,
            VertxScheduler.of(context),
            Clock.systemUTC(),
            settings,
            e -> {});
    intake =
        new CommandIntake(
            TOPICS.provider(), vertx, settings, dispatcher, null, new Metrics(), e -> {});
    poller = new CommandPoller(consumer, TOPICS.commands(), context, intake, false, revokeWait);
    intake.attach(poller);
    consumer.updateBeginningOffsets(Map.of(TP, 0L));
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP)));
    poller.start();
  }

  /** Commands {@code hold} with these keys on these connections, from {@code offset} on. */
  private void send(long offset, String... keyAtConnection) {
    consumer.schedulePollTask(
        () -> {
          long o = offset;
          for (String kc : keyAtConnection) {
            String[] parts = kc.split("@");
            consumer.addRecord(record(o++, command(parts[0], parts[1])));
          }
        });
  }

  private static String command(String key, String connection) {
    var c =
        Json.object().put("id", "id-" + key).put("operation", "hold").put("connection", connection);
    c.putObject("params").put("key", key);
    return c.toString();
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
    return new ConsumerRecord<>(
        TP.topic(), TP.partition(), offset, null, value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void commandsStartInOffsetOrderAndNeverMoreThanTheInstanceBoundAtOnce() throws Exception {
    start(settings(2, 32, 512, Duration.ofSeconds(5)), Duration.ofSeconds(5));
    send(0, "k0@c1", "k1@c2", "k2@c3", "k3@c1");
    await(() -> hold.started.size() == 2);
    settle();
    assertThat(hold.started).containsExactly("k0", "k1");
    hold.release("k0");
    await(() -> hold.started.size() == 3);
    hold.release("k1");
    await(() -> hold.started.size() == 4);
    assertThat(hold.started).containsExactly("k0", "k1", "k2", "k3");
  }

  @Test
  void aConnectionAtItsBoundStartsItsNextCommandOnlyWhenOneOfItsOwnEnds() throws Exception {
    start(settings(32, 1, 512, Duration.ofSeconds(5)), Duration.ofSeconds(5));
    send(0, "k0@c1", "k1@c1");
    await(() -> hold.started.contains("k0"));
    settle();
    assertThat(hold.started).containsExactly("k0");
    hold.release("k0");
    await(() -> hold.started.contains("k1"));
  }

  @Test
  void theCommittedOffsetMovesOnlyOverContiguousFinishedCommands() throws Exception {
    start(settings(3, 32, 512, Duration.ofSeconds(5)), Duration.ofSeconds(5));
    send(0, "k0@c1", "k1@c2", "k2@c3");
    await(() -> hold.started.size() == 3);
    hold.release("k2");
    hold.release("k1");
    settle();
    assertThat(consumer.commits.getOrDefault(TP, 0L)).as("k0 still runs").isZero();
    hold.release("k0");
    await(() -> Long.valueOf(3).equals(consumer.commits.get(TP)));
  }

  @Test
  void aPartitionHoldingTheHighWaterMarkIsPausedAndResumedAtHalf() throws Exception {
    start(settings(1, 32, 4, Duration.ofSeconds(5)), Duration.ofSeconds(5));
    send(0, "k0@c1", "k1@c1", "k2@c1", "k3@c1", "k4@c1", "k5@c1", "k6@c1");
    await(() -> consumer.paused().contains(TP)); // one runs, six wait
    for (String key : List.of("k0", "k1", "k2")) {
      hold.release(key);
    }
    await(() -> hold.started.contains("k3")); // three wait: more than half
    settle();
    assertThat(consumer.paused()).containsExactly(TP);
    hold.release("k3"); // two wait: half
    await(() -> consumer.paused().isEmpty());
  }

  @Test
  void aCommandPublishedTwiceRunsOnceAndBothRecordsAreCommitted() throws Exception {
    start(settings(32, 32, 512, Duration.ofSeconds(5)), Duration.ofSeconds(5));
    send(0, "k0@c1", "k0@c1");
    await(() -> hold.started.contains("k0"));
    settle();
    hold.release("k0");
    await(() -> Long.valueOf(2).equals(consumer.commits.get(TP)));
    assertThat(hold.started).containsExactly("k0");
  }

  @Test
  void aRecordRedeliveredWhileItStillRunsIsAdoptedNotRunTwice() throws Exception {
    start(settings(32, 32, 512, Duration.ofSeconds(5)), Duration.ofMillis(200));
    send(0, "k0@c1");
    await(() -> hold.started.contains("k0"));
    // Revoked while it runs (the wait for it expires), then assigned back and delivered again.
    consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP)));
    send(0, "k0@c1");
    settle();
    hold.release("k0");
    await(() -> Long.valueOf(1).equals(consumer.commits.get(TP)));
    assertThat(hold.started).containsExactly("k0");
  }

  @Test
  void aRevokeWaitsForTheRunningCommandsAndStartsNoneOfThoseWaiting() throws Exception {
    start(settings(1, 32, 512, Duration.ofSeconds(5)), Duration.ofSeconds(5));
    send(0, "k0@c1", "k1@c1");
    await(() -> hold.started.contains("k0"));
    consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
    settle();
    assertThat(consumer.syncCommits).isEmpty(); // the revoke waits for k0
    hold.release("k0");
    await(() -> Long.valueOf(1).equals(consumer.syncCommits.get(TP)));
    settle();
    assertThat(hold.started).containsExactly("k0"); // k1 is left to the next owner
  }

  @Test
  void aStopAbandonsWhatOutlivesItsGraceAndLeavesItsOffsetUncommitted() throws Exception {
    start(settings(32, 32, 512, Duration.ofMillis(300)), Duration.ofSeconds(5));
    send(0, "k0@c1", "k1@c2");
    hold.release("k1");
    await(() -> hold.started.size() == 2);
    Future<Void> stopped = onLoop(() -> intake.stop(Duration.ofMillis(300)));
    stopped.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(hold.cancelled).containsExactly("k0");
    assertThat(consumer.commits.getOrDefault(TP, 0L)).as("k0 is delivered again").isZero();
    assertThat(consumer.closedWith).isNotNull(); // and the poller left the group
  }

  private <T> T onLoop(Supplier<T> call) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> result.complete(call.get()));
    return result.get(10, TimeUnit.SECONDS);
  }

  /** Time for anything that should not happen to show. */
  private static void settle() throws InterruptedException {
    Thread.sleep(300);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
