package dev.switchboard.runtime;

import dev.switchboard.message.CommandParser;
import dev.switchboard.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side of the command consumer. Each assigned partition is a lane: a FIFO of
 * taken-in records and an {@link OffsetTracker}. Records start in offset order per partition,
 * while fewer than {@code maxInFlight} commands run on this instance and fewer than
 * {@code maxInFlightPerConnection} on the command's connection; otherwise they wait in the lane.
 * A lane holding {@code queueHighWater} records (or 8 MiB) has its partition paused — never the
 * whole consumer, which keeps polling — and resumed at half of that.
 *
 * <p>A command is finished when its terminal (or DLQ) event is acknowledged; only then does the
 * lane's committable offset move, and only contiguously.
 *
 * <p>Redelivery to this same instance (a partition revoked and given back, e.g. after a broker
 * restart) never runs a command twice: a record whose partition and offset are still executing
 * here is adopted by the new lane and finishes when the running execution does.
 */
final class CommandIntake implements CommandPoller.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(CommandIntake.class);
  private static final long LANE_MAX_BYTES = 8L << 20;

  private record Pending(ConsumerRecord<byte[], byte[]> record, CommandParser.Parsed parsed,
      String id, String connection, String operation) {}

  private final class Lane {
    final TopicPartition tp;
    final long generation;
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    final OffsetTracker offsets = new OffsetTracker();
    long bytes;
    boolean paused;

    Lane(TopicPartition tp, long generation) {
      this.tp = tp;
      this.generation = generation;
    }
  }

  private final String provider;
  private final Vertx vertx;
  private final RuntimeSettings settings;
  private final CommandParser parser;
  private final Dispatcher<?> dispatcher;
  private final Metrics metrics;
  private final Map<TopicPartition, Lane> lanes = new LinkedHashMap<>();
  private final Map<String, Integer> perConnection = new HashMap<>();
  private final Set<Dispatcher.Execution> running = new HashSet<>();
  private final Map<String, Dispatcher.Execution> runningByOffset = new HashMap<>();
  private CommandPoller poller;
  private boolean stopping;
  private Promise<Void> drained;

  CommandIntake(String provider, Vertx vertx, RuntimeSettings settings, Dispatcher<?> dispatcher,
      Metrics metrics) {
    this.provider = provider;
    this.vertx = vertx;
    this.settings = settings;
    this.parser = new CommandParser(settings.maxCommandBytes());
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    metrics.gauge("switchboard_commands_in_flight", "Commands executing now",
        () -> running.size(), "provider", provider);
    metrics.gauge("switchboard_paused_partitions", "Command partitions paused by backpressure",
        () -> lanes.values().stream().filter(l -> l.paused).count(), "provider", provider);
    metrics.gauge("switchboard_assigned_partitions", "Command partitions owned by this instance",
        () -> lanes.size(), "provider", provider);
    metrics.gauge("switchboard_commands_queued", "Commands taken in and waiting for a slot",
        () -> lanes.values().stream().mapToInt(l -> l.queue.size()).sum(), "provider", provider);
  }

  void attach(CommandPoller poller) {
    this.poller = poller;
    metrics.gauge("switchboard_consumer_lag_max", "Highest record lag of the command consumer",
        poller::lag, "provider", provider);
  }

  @Override
  public void onAssigned(Collection<TopicPartition> partitions, long generation) {
    partitions.forEach(tp -> lanes.put(tp, new Lane(tp, generation)));
    LOG.info("event=partitions.assigned provider={} partitions={}", provider, partitions);
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    // Queued records were never started: the partition's next owner gets them again.
    partitions.forEach(lanes::remove);
    LOG.info("event=partitions.revoked provider={} partitions={}", provider, partitions);
  }

  @Override
  public void onRecords(List<ConsumerRecord<byte[], byte[]>> records) {
    if (stopping) {
      return; // not taken in, so not committed: redelivered after the restart
    }
    for (ConsumerRecord<byte[], byte[]> rec : records) {
      Lane lane = lanes.get(new TopicPartition(rec.topic(), rec.partition()));
      if (lane == null) {
        continue; // revoked while the batch was on its way
      }
      Dispatcher.Execution already = runningByOffset.get(offsetKey(lane.tp, rec.offset()));
      if (already != null) {
        adopt(lane, rec.offset(), already);
        continue;
      }
      String replyHeader = Dispatcher.header(rec, dev.switchboard.message.ContractHeaders.REPLY_TOPIC);
      CommandParser.Parsed parsed = parser.parse(rec.value(), replyHeader);
      String connection = parsed instanceof CommandParser.Valid v ? v.command().connection() : null;
      String operation = parsed instanceof CommandParser.Valid v ? v.command().operation() : "-";
      String id = parsed instanceof CommandParser.Valid v ? v.command().id()
          : parsed instanceof CommandParser.Invalid i ? i.id() : "-";
      lane.queue.add(new Pending(rec, parsed, id, connection, operation));
      lane.bytes += rec.serializedValueSize() < 0 ? 0 : rec.serializedValueSize();
      lane.offsets.taken(rec.offset());
    }
    drain();
  }

  /** Starts every head-of-lane record that fits the bounds, then pauses or resumes lanes. */
  private void drain() {
    for (Lane lane : lanes.values()) {
      while (!stopping && !lane.queue.isEmpty() && running.size() < settings.maxInFlight()) {
        Pending head = lane.queue.peek();
        if (head.connection() != null && perConnection.getOrDefault(head.connection(), 0)
            >= settings.maxInFlightPerConnection()) {
          break; // keeps offset order within the partition
        }
        lane.queue.poll();
        lane.bytes -= Math.max(0, head.record().serializedValueSize());
        start(lane, head);
      }
      boolean full = lane.queue.size() >= settings.queueHighWater() || lane.bytes > LANE_MAX_BYTES;
      boolean low = lane.queue.size() <= settings.queueHighWater() / 2
          && lane.bytes <= LANE_MAX_BYTES / 2;
      if (full && !lane.paused) {
        lane.paused = true;
        poller.pause(lane.tp);
      } else if (low && lane.paused) {
        lane.paused = false;
        poller.resume(lane.tp);
      }
    }
  }

  private void start(Lane lane, Pending p) {
    if (p.connection() != null) {
      perConnection.merge(p.connection(), 1, Integer::sum);
    }
    long startNanos = System.nanoTime();
    Dispatcher.Execution exec = dispatcher.dispatch(p.record(), p.parsed());
    String key = offsetKey(lane.tp, p.record().offset());
    running.add(exec);
    runningByOffset.put(key, exec);
    exec.done().onComplete(ar -> {
      running.remove(exec);
      runningByOffset.remove(key);
      if (p.connection() != null) {
        perConnection.merge(p.connection(), -1, Integer::sum);
      }
      if (ar.succeeded()) {
        finished(lane, p.record().offset());
        log(p, ar.result(), startNanos);
      } else {
        // Terminal event not acknowledged: leave the offset open so the command is redelivered.
        LOG.error("event=command.unpublished provider={} command={} operation={} partition={} "
            + "offset={} error={}", provider, p.id(), p.operation(), p.record().partition(),
            p.record().offset(), ar.cause().toString());
      }
      if (drained != null && running.isEmpty()) {
        drained.tryComplete();
      }
      drain();
    });
  }

  /** The record is already executing here (redelivered after a revoke): wait for that run. */
  private void adopt(Lane lane, long offset, Dispatcher.Execution running) {
    lane.offsets.taken(offset);
    running.done().onSuccess(o -> finished(lane, offset));
    LOG.info("event=command.redelivered_while_running provider={} partition={} offset={}",
        provider, lane.tp, offset);
  }

  private static String offsetKey(TopicPartition tp, long offset) {
    return tp + "@" + offset;
  }

  private void finished(Lane lane, long offset) {
    lane.offsets.finished(offset);
    if (lanes.get(lane.tp) == lane) {
      poller.committable(lane.tp, lane.generation, lane.offsets.committable());
    }
  }

  private void log(Pending p, StreamPublisher.Outcome o, long startNanos) {
    // Callers choose operation names: only real ones become label values, so a flood of
    // misspelt names cannot grow the metric series without bound.
    String label = dispatcher.knownOperation(p.operation()) ? p.operation() : "unknown";
    metrics.increment("switchboard_commands_total", "Commands by terminal outcome",
        "provider", provider, "operation", label, "outcome", o.type());
    LOG.info("event=command.{} provider={} command={} connection={} operation={} partition={} "
        + "offset={} records={} durationMs={}{}", o.type(), provider, p.id(), p.connection(),
        p.operation(), p.record().partition(), p.record().offset(), o.records(),
        (System.nanoTime() - startNanos) / 1_000_000,
        o.errorCode() == null ? "" : " code=" + o.errorCode());
  }

  /**
   * Stops taking in, waits up to {@code grace} for running commands, abandons the rest (their
   * offsets stay uncommitted, so they are redelivered), then stops the poller, which commits.
   */
  Future<Void> stop(Duration grace) {
    stopping = true;
    lanes.values().forEach(l -> l.queue.clear());
    drained = Promise.promise();
    if (running.isEmpty()) {
      drained.tryComplete();
    }
    long timer = vertx.setTimer(Math.max(1, grace.toMillis()), t -> {
      if (!running.isEmpty()) {
        LOG.warn("event=shutdown.abandon provider={} commands={}", provider, running.size());
        List.copyOf(running).forEach(e -> e.abandon().run());
      }
      drained.tryComplete();
    });
    return drained.future().compose(v -> {
      vertx.cancelTimer(timer);
      return poller.stop();
    });
  }
}
