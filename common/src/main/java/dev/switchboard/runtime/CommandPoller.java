package dev.switchboard.runtime;

import dev.switchboard.log.LogValue;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the {@link KafkaConsumer} on a thread of its own, so that polling never stops (a paused
 * partition stays paused while the member keeps heartbeating) and the event loop never blocks.
 *
 * <p>Why not the Vert.x Kafka client: its rebalance handlers run on the event loop after the
 * partitions are gone, so finished work cannot be committed before a revoke. Here the rebalance
 * listener runs inside {@code poll()} and commits synchronously what the event loop has marked
 * committable ({@link #committable}), before the partitions move.
 *
 * <p>Hand-offs: records go to the event loop with {@code runOnContext}; pause, resume and
 * committable offsets come back through concurrent structures read before each poll.
 *
 * <p>Stopping never uses {@code wakeup()}: a wakeup that the poll in progress does not consume is
 * thrown by the next blocking call instead, which was the final {@code commitSync} or {@code
 * close}, losing the final commit and leaving the partitions held for the session timeout. The loop
 * simply ends after its current poll (at most {@link #POLL}), commits, and leaves the group
 * explicitly, so a static member's partitions move at once too.
 *
 * <p>A member fenced because another live instance took its {@code group.instance.id} stops for
 * good and reports it ({@link Listener#onFenced}): it must never run on silently.
 */
final class CommandPoller {
  private static final Logger LOG = LoggerFactory.getLogger(CommandPoller.class);

  /** Callbacks, all run on the event loop. */
  interface Listener {
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records);

    /**
     * @param generation tag to pass back with {@link #committable} for these partitions
     */
    void onAssigned(Collection<TopicPartition> partitions, long generation);

    void onRevoked(Collection<TopicPartition> partitions);

    /** Another live member took this instance's identity; this consumer has stopped. */
    default void onFenced(RuntimeException e) {}

    /**
     * The partitions are about to be revoked: stop starting their commands; the returned future
     * completes when those running are finished, so their outcomes are recorded and committed
     * before another instance gets the partitions (the poll thread waits at most the revoke wait
     * for it).
     */
    default Future<Void> onRevoking(Collection<TopicPartition> partitions) {
      return Future.succeededFuture();
    }
  }

  static final Duration POLL = Duration.ofMillis(100);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration JOIN_BEFORE_LEAVE = Duration.ofSeconds(15);

  private final Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final Context context;
  private final Listener listener;
  private final boolean pauseOnAssign;
  private final Duration revokeWait;
  private final ConcurrentLinkedQueue<java.util.function.Consumer<Consumer<byte[], byte[]>>>
      requests = new ConcurrentLinkedQueue<>();
  private final Map<TopicPartition, Long> committable = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final Map<TopicPartition, Long> generations = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private final Promise<Void> stopped = Promise.promise();
  private volatile boolean running = true;
  private volatile long leaveBy;
  private volatile boolean joined;
  private volatile RuntimeException fenced;
  private long lagReadAt;
  private Thread thread;

  /**
   * @param pauseOnAssign pause every partition as it is assigned, before anything is fetched from
   *     it; the listener resumes it when it is ready (its ledger restored)
   * @param revokeWait how long a revoke waits for the revoked partitions' running commands
   * @param consumer the command consumer (a {@code MockConsumer} in unit tests)
   */
  CommandPoller(
      Consumer<byte[], byte[]> consumer,
      String topic,
      Context context,
      Listener listener,
      boolean pauseOnAssign,
      Duration revokeWait) {
    this.consumer = consumer;
    this.pauseOnAssign = pauseOnAssign;
    this.revokeWait = revokeWait;
    this.topic = topic;
    this.context = context;
    this.listener = listener;
  }

  void start() {
    thread = new Thread(this::loop, "switchboard-poll-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  void pause(TopicPartition tp) {
    requests.add(
        c -> {
          if (c.assignment().contains(tp)) {
            c.pause(Set.of(tp));
          }
        });
  }

  void resume(TopicPartition tp) {
    requests.add(
        c -> {
          if (c.assignment().contains(tp)) {
            c.resume(Set.of(tp));
          }
        });
  }

  /**
   * Marks {@code offset} (the next one to consume) as safe to commit for {@code tp}. Ignored when
   * {@code generation} is not the partition's current assignment: work finishing after a revoke
   * must not commit over whatever the partition's next owner did.
   */
  void committable(TopicPartition tp, long generation, long offset) {
    if (Long.valueOf(generation).equals(generations.get(tp))) {
      committable.merge(tp, offset, Math::max);
    }
  }

  /** Completes when the poll loop has ended, committed and left the group. */
  Future<Void> stopped() {
    return stopped.future();
  }

  /** Whether the poll loop still runs (it ends on stop, or on an unexpected consumer failure). */
  boolean alive() {
    return thread != null && thread.isAlive() && running;
  }

  /** Whether the consumer has joined its group and received an assignment (possibly empty). */
  boolean joined() {
    return joined;
  }

  /** Highest record lag over assigned partitions, as last reported by the consumer. */
  long lag() {
    return lag.get();
  }

  /**
   * Stops polling after the poll in progress, commits what is committable, and leaves the group
   * (static members included), so the partitions move to the other members at once.
   */
  Future<Void> stop() {
    leaveBy = System.nanoTime() + JOIN_BEFORE_LEAVE.toNanos();
    running = false;
    return stopped.future();
  }

  /**
   * A member stopped while its first join is still in flight has no member id to leave with; the
   * coordinator would then wait out its session before the group moves on (45 s, measured in
   * GracefulStopIT). So a stop keeps polling, taking in nothing, until the join completes, for at
   * most this long, then leaves.
   */
  private boolean mustFinishJoining() {
    return fenced == null
        && System.nanoTime() < leaveBy
        && consumer.groupMetadata().memberId().isEmpty();
  }

  private void loop() {
    consumer.subscribe(List.of(topic), new Rebalance());
    try {
      while (running || mustFinishJoining()) {
        java.util.function.Consumer<Consumer<byte[], byte[]>> r;
        while ((r = requests.poll()) != null) {
          r.accept(consumer);
        }
        var batch = consumer.poll(POLL);
        if (!batch.isEmpty()) {
          List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>(batch.count());
          batch.forEach(list::add);
          context.runOnContext(v -> listener.onRecords(list));
        }
        commit(false, consumer.assignment());
        if (System.nanoTime() - lagReadAt > 5_000_000_000L) {
          lagReadAt = System.nanoTime();
          updateLag();
        }
      }
      if (fenced != null) {
        throw fenced;
      }
    } catch (FencedInstanceIdException e) {
      fenced(e);
    } catch (RuntimeException e) {
      running = false; // reported through /ready
      LOG.error("event=poller.failed topic={} error={}", topic, LogValue.of(e.toString()));
    } finally {
      close();
      stopped.tryComplete();
    }
  }

  private void fenced(RuntimeException e) {
    fenced = e;
    running = false;
    LOG.error(
        "event=instance.fenced topic={} error={}: another live instance uses this "
            + "instance's identity (group.instance.id); this one stops consuming",
        topic,
        LogValue.of(e.toString()));
    context.runOnContext(v -> listener.onFenced(e));
  }

  /** Final commit, then leave the group. A fenced member must not commit over the new owner. */
  private void close() {
    try {
      if (fenced == null) {
        commit(true, consumer.assignment());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "event=poller.final_commit_failed topic={} error={}", topic, LogValue.of(e.toString()));
    }
    try {
      consumer.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(CLOSE_TIMEOUT));
    } catch (RuntimeException e) {
      LOG.warn("event=poller.close_failed topic={} error={}", topic, LogValue.of(e.toString()));
    }
  }

  private void commit(boolean sync, Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long off = committable.get(tp);
      if (off != null && !off.equals(committed.get(tp))) {
        offsets.put(tp, new OffsetAndMetadata(off));
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    if (sync) {
      consumer.commitSync(offsets);
      offsets.forEach((tp, om) -> committed.put(tp, om.offset()));
    } else {
      consumer.commitAsync(
          offsets,
          (done, err) -> {
            if (err == null) {
              done.forEach((tp, om) -> committed.put(tp, om.offset()));
            } else if (err instanceof FencedInstanceIdException f) {
              fenced = f; // thrown by the loop after this poll
            } else if (err instanceof org.apache.kafka.common.errors.RebalanceInProgressException) {
              // Expected while the group rebalances: the next poll's commit carries the offsets.
              LOG.debug("event=commit.deferred topic={} reason=rebalance", topic);
            } else {
              LOG.warn("event=commit.failed topic={} error={}", topic, LogValue.of(err.toString()));
            }
          });
    }
  }

  private void updateLag() {
    consumer
        .metrics()
        .forEach(
            (name, metric) -> {
              if (name.name().equals("records-lag-max")
                  && metric.metricValue() instanceof Double d
                  && !d.isNaN()) {
                lag.set(d.longValue());
              }
            });
  }

  /** Runs inside poll() on this thread: commits finished work before partitions move. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty() && fenced == null) {
        awaitRevoking(partitions);
      }
      try {
        commit(true, partitions);
      } catch (RuntimeException e) {
        LOG.warn(
            "event=commit.on_revoke_failed topic={} error={}", topic, LogValue.of(e.toString()));
      }
      forget(partitions);
      context.runOnContext(v -> listener.onRevoked(partitions));
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions);
      context.runOnContext(v -> listener.onRevoked(partitions));
    }

    /** Lets the running commands of revoked partitions finish (bounded), on this thread. */
    private void awaitRevoking(Collection<TopicPartition> partitions) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      context.runOnContext(
          v -> listener.onRevoking(partitions).onComplete(ar -> done.complete(null)));
      try {
        done.get(revokeWait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.warn(
            "event=revoke.wait_expired topic={} partitions={} waitMs={}: commands still "
                + "running there are left to the next owner",
            topic,
            partitions,
            revokeWait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (pauseOnAssign) {
        consumer.pause(partitions);
      }
      joined = true;
      long gen = generation.incrementAndGet();
      partitions.forEach(
          tp -> {
            committable.remove(tp);
            generations.put(tp, gen);
          });
      context.runOnContext(v -> listener.onAssigned(partitions, gen));
    }

    private void forget(Collection<TopicPartition> partitions) {
      partitions.forEach(
          tp -> {
            generations.remove(tp);
            committable.remove(tp);
            committed.remove(tp);
          });
    }
  }
}
