package dev.switchboard.runtime;

import dev.switchboard.log.LogValue;
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
 * taken-in records and an {@link OffsetTracker}. Records start in offset order per partition, while
 * fewer than {@code maxInFlight} commands run on this instance and fewer than {@code
 * maxInFlightPerConnection} on the command's connection; otherwise they wait in the lane. A lane
 * holding {@code queueHighWater} records (or 8 MiB) has its partition paused — never the whole
 * consumer, which keeps polling — and resumed at half of that.
 *
 * <p>A command is finished when its terminal (or DLQ) event is acknowledged; only then does the
 * lane's committable offset move, and only contiguously.
 *
 * <p>Redelivery to this same instance (a partition revoked and given back, e.g. after a broker
 * restart) never runs a command twice: a record whose partition and offset are still executing here
 * is adopted by the new lane and finishes when the running execution does. Likewise a command whose
 * id is already running here (the same command published twice) is attached to the running one
 * instead of running in parallel ({@link Dispatcher#attach}).
 */
final class CommandIntake implements CommandPoller.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(CommandIntake.class);
  private static final long LANE_MAX_BYTES = 8L << 20;

  /** Records of a partition that may start past its oldest unfinished one. */
  static final long OUT_OF_ORDER_WINDOW = 1024;

  private record Pending(
      ConsumerRecord<byte[], byte[]> record,
      CommandParser.Parsed parsed,
      String id,
      String connection,
      String operation) {}

  private final class Lane {
    final TopicPartition tp;
    final long generation;
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    final OffsetTracker offsets = new OffsetTracker();
    final Set<Dispatcher.Execution> running = new HashSet<>();
    long bytes;
    boolean paused;

    /** Its ledger partition is being read: nothing of it may start yet. */
    boolean restoring;

    /** About to be revoked: nothing more starts; what runs is waited for. */
    boolean revoking;

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
  private final Ledger ledger;
  private final Metrics metrics;
  private final java.util.function.Consumer<RuntimeException> fenced;
  private final Map<TopicPartition, Lane> lanes = new LinkedHashMap<>();

  /** Read by scrapes from another thread: concurrent. */
  private final Map<String, Integer> perConnection = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, Integer> queuedByConnection =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<Dispatcher.Execution> running = new HashSet<>();
  private final Set<Dispatcher.Execution> attached = new HashSet<>();
  private final Map<String, Dispatcher.Execution> runningByOffset = new HashMap<>();
  private final Map<String, Pending> runningById = new HashMap<>();
  private final Map<String, Dispatcher.Execution> executionById = new HashMap<>();
  private CommandPoller poller;
  private boolean stopping;
  private boolean draining;
  private boolean drainAgain;
  private Promise<Void> drained;

  /**
   * @param fenced told when another live instance took this one's identity
   */
  CommandIntake(
      String provider,
      Vertx vertx,
      RuntimeSettings settings,
      Dispatcher<?> dispatcher,
      Ledger ledger,
      Metrics metrics,
      java.util.function.Consumer<RuntimeException> fenced) {
    this.provider = provider;
    this.ledger = ledger;
    this.fenced = fenced;
    this.vertx = vertx;
    this.settings = settings;
    this.parser = new CommandParser(settings.maxCommandBytes());
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    metrics.gauge(
        "switchboard_commands_in_flight",
        "Commands executing now",
        () -> running.size(),
        "provider",
        provider);
    metrics.gauge(
        "switchboard_paused_partitions",
        "Command partitions paused by backpressure",
        () -> lanes.values().stream().filter(l -> l.paused).count(),
        "provider",
        provider);
    metrics.gauge(
        "switchboard_assigned_partitions",
        "Command partitions owned by this instance",
        () -> lanes.size(),
        "provider",
        provider);
    metrics.gauge(
        "switchboard_commands_queued",
        "Commands taken in and waiting for a slot",
        () -> lanes.values().stream().mapToInt(l -> l.queue.size()).sum(),
        "provider",
        provider);
  }

  /**
   * Per-connection gauges: commands running, and taken in but waiting (for a slot of their
   * connection or of the instance). Read from the event loop's structures at scrape time.
   */
  void connectionGauges(java.util.Set<String> connections) {
    for (String c : connections) {
      metrics.gauge(
          "switchboard_connection_in_flight",
          "Commands of a connection executing now",
          () -> perConnection.getOrDefault(c, 0),
          "provider",
          provider,
          "connection",
          c);
      metrics.gauge(
          "switchboard_connection_queued",
          "Commands of a connection taken in and waiting",
          () -> queuedByConnection.getOrDefault(c, 0),
          "provider",
          provider,
          "connection",
          c);
    }
  }

  /** Kept as commands enter and leave the queues, so a scrape reads it safely. */
  private void queued(String connection, int delta) {
    if (connection != null) {
      queuedByConnection.merge(connection, delta, Integer::sum);
    }
  }

  private void clearQueue(Lane lane) {
    lane.queue.forEach(p -> queued(p.connection(), -1));
    lane.queue.clear();
  }

  void attach(CommandPoller poller) {
    this.poller = poller;
    metrics.gauge(
        "switchboard_consumer_lag_max",
        "Highest record lag of the command consumer",
        poller::lag,
        "provider",
        provider);
  }

  @Override
  public void onAssigned(Collection<TopicPartition> partitions, long generation) {
    partitions.forEach(
        tp -> {
          Lane lane = new Lane(tp, generation);
          lanes.put(tp, lane);
          if (ledger != null) {
            lane.restoring = true; // the poller paused it on assignment
            restore(lane);
          }
        });
    LOG.info("event=partitions.assigned provider={} partitions={}", provider, partitions);
  }

  /** Reads the lane's ledger partition, then lets its commands start. Retried until it works. */
  private void restore(Lane lane) {
    ledger
        .restore(lane.tp.partition())
        .onComplete(
            ar -> {
              if (lanes.get(lane.tp) != lane) {
                return; // revoked meanwhile
              }
              if (ar.failed()) {
                LOG.error(
                    "event=ledger.restore_failed provider={} partition={} error={}; retrying",
                    provider,
                    lane.tp,
                    LogValue.of(ar.cause().toString()));
                vertx.setTimer(1_000, t -> restore(lane));
                return;
              }
              lane.restoring = false;
              if (!lane.paused) {
                poller.resume(lane.tp);
              }
              drain();
            });
  }

  @Override
  public io.vertx.core.Future<Void> onRevoking(Collection<TopicPartition> partitions) {
    List<io.vertx.core.Future<?>> waits = new java.util.ArrayList<>();
    for (TopicPartition tp : partitions) {
      Lane lane = lanes.get(tp);
      if (lane != null) {
        lane.revoking = true;
        clearQueue(lane); // never started: the next owner gets them
        lane.running.forEach(e -> waits.add(e.done().otherwiseEmpty()));
      }
    }
    return io.vertx.core.Future.join(waits).otherwiseEmpty().mapEmpty();
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    // Queued records were never started: the partition's next owner gets them again.
    partitions.forEach(
        tp -> {
          Lane gone = lanes.remove(tp);
          if (gone != null) {
            clearQueue(gone);
          }
          if (ledger != null) {
            ledger.forget(tp.partition());
          }
        });
    LOG.info("event=partitions.revoked provider={} partitions={}", provider, partitions);
  }

  @Override
  public void onFenced(RuntimeException e) {
    // Whatever runs may finish, but nothing new starts, and nothing here may commit again.
    stopping = true;
    lanes.clear();
    fenced.accept(e);
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
      String replyHeader = Replies.header(rec, dev.switchboard.message.ContractHeaders.REPLY_TOPIC);
      CommandParser.Parsed parsed =
          parser.parse(
              rec.value(),
              replyHeader,
              Replies.headerBytes(rec, dev.switchboard.message.ContractHeaders.REPLY_PARTITION));
      String connection = parsed instanceof CommandParser.Valid v ? v.command().connection() : null;
      String operation = parsed instanceof CommandParser.Valid v ? v.command().operation() : "-";
      String id =
          parsed instanceof CommandParser.Valid v
              ? v.command().id()
              : parsed instanceof CommandParser.Invalid i ? i.id() : "-";
      lane.queue.add(new Pending(rec, parsed, id, connection, operation));
      queued(connection, 1);
      lane.bytes += rec.serializedValueSize() < 0 ? 0 : rec.serializedValueSize();
      lane.offsets.taken(rec.offset());
    }
    drain();
  }

  /** Starts every head-of-lane record that fits the bounds, then pauses or resumes lanes. */
  private void drain() {
    if (draining) {
      drainAgain = true; // a command settled while starting others: one more pass after this
      return;
    }
    draining = true;
    try {
      do {
        drainAgain = false;
        lanes.values().forEach(this::drain);
      } while (drainAgain);
    } finally {
      draining = false;
    }
  }

  /**
   * Starts what the bounds allow in one lane, in offset order per connection: a command whose
   * connection is at its limit waits, and so do the later ones of that connection, but the commands
   * of other connections behind it start (no head-of-line blocking across connections). They may
   * finish before it; the committable offset still waits for it, so at most {@link
   * #OUT_OF_ORDER_WINDOW} records past the oldest unfinished one start.
   */
  private void drain(Lane lane) {
    if (!stopping && !lane.restoring && !lane.revoking) {
      Set<String> blocked = new HashSet<>();
      for (var it = lane.queue.iterator(); it.hasNext(); ) {
        Pending p = it.next();
        boolean duplicate =
            p.parsed() instanceof CommandParser.Valid && runningById.containsKey(p.id());
        if (!duplicate) {
          if (running.size() >= settings.maxInFlight()
              || p.record().offset() - lane.offsets.committable() >= OUT_OF_ORDER_WINDOW) {
            break;
          }
          if (p.connection() != null
              && (blocked.contains(p.connection())
                  || perConnection.getOrDefault(p.connection(), 0)
                      >= settings.maxInFlightPerConnection())) {
            blocked.add(p.connection()); // its later commands wait too: their order is kept
            continue;
          }
        }
        it.remove();
        queued(p.connection(), -1);
        lane.bytes -= Math.max(0, p.record().serializedValueSize());
        if (duplicate) {
          attach(lane, p);
        } else {
          start(lane, p);
        }
      }
    }
    boolean full = lane.queue.size() >= settings.queueHighWater() || lane.bytes > LANE_MAX_BYTES;
    boolean low =
        lane.queue.size() <= settings.queueHighWater() / 2 && lane.bytes <= LANE_MAX_BYTES / 2;
    if (full && !lane.paused) {
      lane.paused = true;
      poller.pause(lane.tp);
    } else if (low && lane.paused) {
      lane.paused = false;
      if (!lane.restoring) {
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
    lane.running.add(exec);
    runningByOffset.put(key, exec);
    boolean byId = p.parsed() instanceof CommandParser.Valid;
    if (byId) {
      runningById.put(p.id(), p);
      executionById.put(p.id(), exec);
    }
    exec.done()
        .onComplete(
            ar -> {
              running.remove(exec);
              lane.running.remove(exec);
              runningByOffset.remove(key);
              if (byId) {
                runningById.remove(p.id());
                executionById.remove(p.id());
              }
              if (p.connection() != null) {
                perConnection.merge(p.connection(), -1, Integer::sum);
              }
              settle(lane, p, ar, startNanos);
            });
  }

  /** The same id is running here: wait for it instead of running the command twice. */
  private void attach(Lane lane, Pending p) {
    Pending original = runningById.get(p.id());
    Dispatcher.Execution exec =
        dispatcher.attach(
            p.record(),
            p.parsed(),
            original.record(),
            original.parsed(),
            executionById.get(p.id()));
    LOG.info(
        "event=command.duplicate_attached provider={} command={} partition={} offset={} "
            + "runningPartition={} runningOffset={}",
        provider,
        LogValue.of(p.id()),
        p.record().partition(),
        p.record().offset(),
        original.record().partition(),
        original.record().offset());
    long startNanos = System.nanoTime();
    attached.add(exec);
    lane.running.add(exec);
    exec.done()
        .onComplete(
            ar -> {
              attached.remove(exec);
              lane.running.remove(exec);
              settle(lane, p, ar, startNanos);
            });
  }

  private void settle(
      Lane lane,
      Pending p,
      io.vertx.core.AsyncResult<StreamPublisher.Outcome> ar,
      long startNanos) {
    if (ar.succeeded()) {
      finished(lane, p.record().offset());
      log(p, ar.result(), startNanos);
    } else {
      // Abandoned at shutdown: the offset stays open so the command is delivered again.
      LOG.warn(
          "event=command.abandoned provider={} command={} operation={} partition={} " + "offset={}",
          provider,
          LogValue.of(p.id()),
          LogValue.of(p.operation()),
          p.record().partition(),
          p.record().offset());
    }
    if (drained != null && running.isEmpty() && attached.isEmpty()) {
      drained.tryComplete();
    }
    drain();
  }

  /** The record is already executing here (redelivered after a revoke): wait for that run. */
  private void adopt(Lane lane, long offset, Dispatcher.Execution running) {
    lane.offsets.taken(offset);
    running.done().onSuccess(o -> finished(lane, offset));
    LOG.info(
        "event=command.redelivered_while_running provider={} partition={} offset={}",
        provider,
        lane.tp,
        offset);
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
    metrics.increment(
        "switchboard_commands_total",
        "Commands by terminal outcome",
        "provider",
        provider,
        "operation",
        label,
        "outcome",
        o.type());
    metrics.observe(
        "switchboard_command_duration_seconds",
        "Commands from intake to their terminal outcome",
        (System.nanoTime() - startNanos) / 1e9,
        "provider",
        provider,
        "operation",
        label,
        "outcome",
        o.type());
    if (o.records() > 0) {
      metrics.add(
          "switchboard_records_published_total",
          "record events published (acknowledged by Kafka)",
          o.records(),
          "provider",
          provider);
    }
    LOG.info(
        "event=command.{} provider={} command={} connection={} operation={} partition={} "
            + "offset={} records={} durationMs={}{}",
        o.type(),
        provider,
        LogValue.of(p.id()),
        LogValue.of(p.connection()),
        LogValue.of(p.operation()),
        p.record().partition(),
        p.record().offset(),
        o.records(),
        (System.nanoTime() - startNanos) / 1_000_000,
        o.errorCode() == null ? "" : " code=" + LogValue.of(o.errorCode()));
  }

  /**
   * Stops taking in, waits up to {@code grace} for running commands, abandons the rest (their
   * offsets stay uncommitted, so they are redelivered), then stops the poller, which commits.
   */
  Future<Void> stop(Duration grace) {
    stopping = true;
    lanes.values().forEach(this::clearQueue);
    drained = Promise.promise();
    if (running.isEmpty() && attached.isEmpty()) {
      drained.tryComplete();
    }
    long timer =
        vertx.setTimer(
            Math.max(1, grace.toMillis()),
            t -> {
              if (!running.isEmpty() || !attached.isEmpty()) {
                LOG.warn(
                    "event=shutdown.abandon provider={} commands={}",
                    provider,
                    running.size() + attached.size());
                List.copyOf(attached).forEach(e -> e.abandon().run());
                List.copyOf(running).forEach(e -> e.abandon().run());
              }
              drained.tryComplete();
            });
    return drained
        .future()
        .compose(
            v -> {
              vertx.cancelTimer(timer);
              return poller.stop();
            });
  }
}
