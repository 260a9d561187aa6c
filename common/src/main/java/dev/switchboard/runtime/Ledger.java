package dev.switchboard.runtime;

import dev.switchboard.json.Json;
import dev.switchboard.log.LogValue;
import dev.switchboard.message.Command;
import dev.switchboard.message.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command ledger of one provider: a compacted topic {@code <prefix>.<provider>.ledger}, keyed
 * by command id and co-partitioned with the commands topic (a command's records go to the ledger
 * partition of the same number, so the ledger partition moves with the commands partition as a
 * Kafka Streams changelog does). It holds, per command, a <em>started</em> record (written and
 * acknowledged before a write's first provider call) and the <em>finished</em> outcome: the
 * terminal event as published, or where it was published when it is large.
 *
 * <p>This instance keeps an index of the ledger partitions of the command partitions it owns
 * ({@link LedgerIndex}), restored from the topic when it is given a partition, before any command
 * of that partition starts; the topic is the source of truth, so the view survives any restart.
 * Recorded outcomes are read back from the topic when a replay needs them.
 *
 * <p>Event-loop confined but for the restore and the read-backs, which run on worker threads.
 */
final class Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

  /** Record header: {@code started} or {@code finished}. */
  static final String STATE = "switchboard_ledger_state";

  /** On a finish: the terminal event's type. */
  static final String TYPE = "switchboard_ledger_type";

  /**
   * On a finish too large to hold: where the terminal event is ({@code topic/partition/offset}).
   */
  static final String REF = "switchboard_ledger_ref";

  static final String STARTED = "started";
  static final String FINISHED = "finished";

  /** Larger terminal events are referenced, not copied (the copy plus headers might not fit). */
  static final int INLINE_MAX = 256 * 1024;

  /** A ledger record read back: its state, the terminal event's type, the event's bytes. */
  record Recorded(String state, String type, byte[] value) {}

  private final Topics topics;
  private final ResultPublisher publisher;
  private final Context context;
  private final Clock clock;
  private final LedgerReader reader;
  private final Map<Integer, LedgerIndex> partitions = new HashMap<>();

  Ledger(
      Topics topics,
      ResultPublisher publisher,
      Context context,
      Clock clock,
      Properties readerProps) {
    this.topics = topics;
    this.publisher = publisher;
    this.context = context;
    this.clock = clock;
    this.reader = new LedgerReader(topics.ledger(), readerProps);
  }

  /** Reads ledger partition {@code partition} into an index; succeeds on the event loop. */
  Future<Void> restore(int partition) {
    long began = System.nanoTime();
    return context
        .owner()
        .executeBlocking(() -> reader.restore(partition), false)
        .map(
            index -> {
              partitions.put(partition, index);
              LOG.info(
                  "event=ledger.restored provider={} partition={} commands={} durationMs={}",
                  topics.provider(),
                  partition,
                  index.size(),
                  (System.nanoTime() - began) / 1_000_000);
              return null;
            });
  }

  /** This instance no longer owns {@code partition}: its index is dropped. */
  void forget(int partition) {
    partitions.remove(partition);
  }

  /** What the ledger knows of {@code id} in {@code partition}, or null: never seen. */
  LedgerIndex.Entry lookup(int partition, String id) {
    LedgerIndex index = partitions.get(partition);
    return index == null ? null : index.get(id);
  }

  /** Records, and waits for Kafka to acknowledge, that a write is about to call its provider. */
  Future<Void> started(ConsumerRecord<byte[], byte[]> rec, Command cmd, Resend resend) {
    byte[] value =
        Json.bytes(
            Json.object()
                .put("commandId", cmd.id())
                .put("operation", cmd.operation())
                .put("connection", cmd.connection())
                .put("at", clock.instant().toString())
                .put("commandPartition", rec.partition())
                .put("commandOffset", rec.offset()));
    return append(rec.partition(), cmd.id(), value, List.of(utf8(STATE, STARTED)), false, resend);
  }

  /**
   * Records the outcome of {@code id}. A refusal for good (not a transient one, which is re-sent)
   * is logged and given up: the command was answered, and a later replay would find the write still
   * <em>started</em>, so in doubt, never sent twice.
   */
  Future<Void> finished(int partition, String id, StreamPublisher.Outcome outcome, Resend resend) {
    boolean inline = outcome.event().length <= INLINE_MAX || outcome.at() == null;
    List<Header> headers =
        new java.util.ArrayList<>(
            List.of(utf8(STATE, FINISHED), utf8(TYPE, terminalType(outcome.event()))));
    if (!inline) {
      RecordMetadata at = outcome.at();
      headers.add(utf8(REF, at.topic() + "/" + at.partition() + "/" + at.offset()));
    }
    return append(partition, id, inline ? outcome.event() : new byte[0], headers, true, resend)
        .recover(
            e -> {
              if (e instanceof Resend.Cancelled) {
                return Future.failedFuture(e);
              }
              LOG.error(
                  "event=ledger.unrecorded provider={} command={} partition={} error={}",
                  topics.provider(),
                  LogValue.of(id),
                  partition,
                  LogValue.of(e.toString()));
              return Future.succeededFuture();
            });
  }

  /** Reads back the ledger record at {@code offset} (following a reference to a large event). */
  Future<Recorded> read(int partition, long offset) {
    return context.owner().executeBlocking(() -> reader.read(partition, offset), false);
  }

  void close() {
    reader.close();
  }

  private Future<Void> append(
      int partition,
      String id,
      byte[] value,
      List<Header> headers,
      boolean finished,
      Resend resend) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return resend
        .untilAcked(() -> publisher.send(context, topics.ledger(), partition, key, value, headers))
        .map(
            md -> {
              LedgerIndex index = partitions.get(partition);
              if (index != null) {
                index.put(id, md.offset(), finished);
              }
              return null;
            });
  }

  /** The {@code type} of a terminal event, read without parsing the whole event. */
  private static String terminalType(byte[] event) {
    try (var parser = Json.MAPPER.getFactory().createParser(event)) {
      parser.nextToken();
      while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals("type")) {
          return parser.getText();
        }
        parser.skipChildren();
      }
    } catch (java.io.IOException e) {
      // falls through: not a contract event
    }
    return "unknown";
  }

  private static Header utf8(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
