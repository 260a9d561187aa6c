package dev.switchboard.runtime;

import dev.switchboard.error.ErrorInfo;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.message.ResultEvents;
import dev.switchboard.message.Topics;
import dev.switchboard.trace.CommandTrace;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Where a command's answers go and how they are addressed: its reply target, keyed by command id,
 * with the caller's correlation id and the event type as headers; and the answer of a command that
 * never ran.
 */
final class Replies {
  private final Topics topics;
  private final ResultPublisher publisher;
  private final Context context;

  Replies(Topics topics, ResultPublisher publisher, Context context) {
    this.topics = topics;
    this.publisher = publisher;
    this.context = context;
  }

  /**
   * Where results go: the reply topic the parser resolved (the {@code replyTo} field, else a valid
   * {@code kafka_replyTopic} header), else the provider's results topic. Headers are not read again
   * here: the parser already refused invalid ones.
   */
  String target(String replyTo) {
    return replyTo != null ? replyTo : topics.results();
  }

  ResultSink sink(ConsumerRecord<byte[], byte[]> rec, String id, String target) {
    return sink(rec, id, target, false);
  }

  ResultSink sink(ConsumerRecord<byte[], byte[]> rec, String id, String target, boolean replay) {
    return sink(rec, id, target, replay, CommandTrace.carried(rec.headers()));
  }

  /**
   * Sends the command's events to {@code target}; {@code replay} marks re-emitted outcomes. On a
   * reply topic they go to the partition a valid {@code kafka_replyPartition} header names (the
   * parser refused an invalid one); on the results topic the key chooses. A command without a
   * usable id ({@code id} null) is answered without a key. Every event carries {@code trace}'s
   * headers: the span that ran the command, else the trace context the command came with.
   */
  ResultSink sink(
      ConsumerRecord<byte[], byte[]> rec,
      String id,
      String target,
      boolean replay,
      CommandTrace trace) {
    byte[] correlation = correlation(rec);
    byte[] key = id == null ? null : id.getBytes(StandardCharsets.UTF_8);
    Integer partition = target.equals(topics.results()) ? null : replyPartition(rec);
    return (type, event) -> {
      List<Header> headers = new ArrayList<>(5);
      headers.addAll(trace.kafkaHeaders());
      if (correlation != null) {
        headers.add(new RecordHeader(ContractHeaders.CORRELATION_ID, correlation));
      }
      headers.add(
          new RecordHeader(ContractHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8)));
      if (replay) {
        headers.add(
            new RecordHeader(ContractHeaders.REPLAY, "true".getBytes(StandardCharsets.UTF_8)));
      }
      return publisher.send(context, target, partition, key, event, headers);
    };
  }

  /**
   * Answers a command that never ran; if its reply topic refuses the answer for good, the
   * provider's results topic takes it (the same event), so the command is answered and committed.
   */
  Dispatcher.Execution refuse(
      ConsumerRecord<byte[], byte[]> rec,
      String id,
      String target,
      SwitchboardException e,
      Resend resend) {
    byte[] event = Json.bytes(ResultEvents.failed(id, ErrorInfo.of(e)));
    Future<RecordMetadata> sent =
        resend.untilAcked(() -> sink(rec, id, target).send(ResultEvents.FAILED, event));
    if (!target.equals(topics.results())) {
      sent =
          sent.recover(
              x ->
                  x instanceof Resend.Cancelled
                      ? Future.failedFuture(x)
                      : resend.untilAcked(
                          () -> sink(rec, id, topics.results()).send(ResultEvents.FAILED, event)));
    }
    return settled(sent, ResultEvents.FAILED, e.code(), event);
  }

  /** An execution that is over once {@code sent} is acknowledged. */
  static Dispatcher.Execution settled(Future<?> sent, String type, String code, byte[] event) {
    return new Dispatcher.Execution(
        sent.map(v -> new StreamPublisher.Outcome(type, 0, code, event, null)), () -> {});
  }

  static byte[] correlation(ConsumerRecord<byte[], byte[]> rec) {
    return headerBytes(rec, ContractHeaders.CORRELATION_ID);
  }

  /** The valid reply partition the record names, or null. */
  static Integer replyPartition(ConsumerRecord<byte[], byte[]> rec) {
    Integer p = ContractHeaders.replyPartition(headerBytes(rec, ContractHeaders.REPLY_PARTITION));
    return p == null || p < 0 ? null : p;
  }

  static byte[] headerBytes(ConsumerRecord<byte[], byte[]> rec, String name) {
    Header h = rec.headers().lastHeader(name);
    return h == null ? null : h.value();
  }

  static String header(ConsumerRecord<byte[], byte[]> rec, String name) {
    Header h = rec.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
