package dev.switchboard.runtime;

import dev.switchboard.log.LogValue;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.message.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a command record to the provider's DLQ with provenance headers, and makes sure the
 * record's offset can always advance: a copy Kafka refuses for good (over the producer's {@code
 * max.request.size} once the headers are added, say) is sent again truncated, and a truncated copy
 * refused too is logged and given up, so one poison record can never freeze its partition's
 * commits. Transient refusals are retried until Kafka takes the copy.
 */
final class DeadLetters {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  /** What a truncated copy keeps of the value: enough to recognise the record. */
  static final int TRUNCATED_VALUE_BYTES = 64 * 1024;

  /** A key longer than this is left out of a truncated copy. */
  static final int TRUNCATED_KEY_BYTES = 1024;

  private final ResultPublisher publisher;
  private final Context context;
  private final Topics topics;

  DeadLetters(ResultPublisher publisher, Context context, Topics topics) {
    this.publisher = publisher;
    this.context = context;
    this.topics = topics;
  }

  /**
   * Sends the copy; succeeds once the copy (whole or truncated) is acknowledged or given up, fails
   * only when {@code resend} was cancelled (shutdown), leaving the offset open.
   */
  Future<Void> send(ConsumerRecord<byte[], byte[]> rec, String reason, Resend resend) {
    List<Header> whole = new ArrayList<>();
    rec.headers().forEach(whole::add);
    whole.addAll(provenance(rec, reason));
    return resend
        .untilAcked(
            () ->
                publisher
                    .send(context, topics.dlq(), rec.key(), rec.value(), whole)
                    .<Void>mapEmpty())
        .recover(
            e ->
                e instanceof Resend.Cancelled
                    ? Future.failedFuture(e)
                    : truncated(rec, reason, resend, e))
        .recover(
            e -> {
              if (e instanceof Resend.Cancelled) {
                return Future.failedFuture(e);
              }
              LOG.error(
                  "event=dlq.dropped provider={} partition={} offset={} error={}",
                  topics.provider(),
                  rec.partition(),
                  rec.offset(),
                  LogValue.of(e.toString()));
              return Future.succeededFuture();
            });
  }

  private Future<Void> truncated(
      ConsumerRecord<byte[], byte[]> rec, String reason, Resend resend, Throwable refusal) {
    LOG.warn(
        "event=dlq.truncated provider={} partition={} offset={} valueBytes={} error={}",
        topics.provider(),
        rec.partition(),
        rec.offset(),
        size(rec.value()),
        LogValue.of(refusal.getClass().getSimpleName()));
    List<Header> headers = provenance(rec, reason);
    headers.add(utf8(ContractHeaders.DLQ_TRUNCATED, "true"));
    headers.add(utf8(ContractHeaders.DLQ_ORIGINAL_SIZE, String.valueOf(size(rec.value()))));
    byte[] key = rec.key() != null && rec.key().length <= TRUNCATED_KEY_BYTES ? rec.key() : null;
    byte[] value =
        rec.value() == null
            ? null
            : Arrays.copyOf(rec.value(), Math.min(rec.value().length, TRUNCATED_VALUE_BYTES));
    return resend.untilAcked(
        () -> publisher.send(context, topics.dlq(), key, value, headers).<Void>mapEmpty());
  }

  private static List<Header> provenance(ConsumerRecord<byte[], byte[]> rec, String reason) {
    List<Header> h = new ArrayList<>(6);
    h.add(utf8(ContractHeaders.DLQ_TOPIC, rec.topic()));
    h.add(utf8(ContractHeaders.DLQ_PARTITION, String.valueOf(rec.partition())));
    h.add(utf8(ContractHeaders.DLQ_OFFSET, String.valueOf(rec.offset())));
    h.add(utf8(ContractHeaders.DLQ_REASON, reason));
    return h;
  }

  private static int size(byte[] b) {
    return b == null ? 0 : b.length;
  }

  private static Header utf8(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
