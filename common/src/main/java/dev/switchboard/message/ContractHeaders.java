package dev.switchboard.message;

/**
 * Kafka header names of the message contract. The correlation headers are those of Spring Kafka's
 * {@code ReplyingKafkaTemplate}, so its clients work unchanged.
 */
public final class ContractHeaders {
  /** Echoed as received on every result event of the command. */
  public static final String CORRELATION_ID = "kafka_correlationId";

  /** Where results go when the command's {@code replyTo} field is absent. */
  public static final String REPLY_TOPIC = "kafka_replyTopic";

  /**
   * The partition of the reply topic the answers go to, a 4-byte big-endian int (Spring Kafka's one
   * reply partition per instance); without it the key (the command id) chooses.
   */
  public static final String REPLY_PARTITION = "kafka_replyPartition";

  /**
   * The partition a {@link #REPLY_PARTITION} header names, or null when there is none; -1 when it
   * is there but not a 4-byte non-negative int.
   */
  public static Integer replyPartition(byte[] header) {
    if (header == null) {
      return null;
    }
    if (header.length != 4) {
      return -1;
    }
    int p = java.nio.ByteBuffer.wrap(header).getInt();
    return p < 0 ? -1 : p;
  }

  /**
   * Result event type ({@code record}, {@code completed}, {@code failed}), for filtering without
   * parsing.
   */
  public static final String EVENT_TYPE = "switchboard_type";

  /** DLQ provenance: where the bad record came from and why it was set aside. */
  public static final String DLQ_TOPIC = "switchboard_dlq_topic";

  public static final String DLQ_PARTITION = "switchboard_dlq_partition";
  public static final String DLQ_OFFSET = "switchboard_dlq_offset";
  public static final String DLQ_REASON = "switchboard_dlq_reason";

  /**
   * Present ({@code true}) on a DLQ copy that could not be published whole: its value is the first
   * bytes of the original, the original headers are left out, and {@link #DLQ_ORIGINAL_SIZE} gives
   * the original value's size in bytes.
   */
  public static final String DLQ_TRUNCATED = "switchboard_dlq_truncated";

  public static final String DLQ_ORIGINAL_SIZE = "switchboard_dlq_original_size";

  /**
   * {@code true} on a terminal event re-emitted from the ledger (the command had finished before;
   * it did not run again), and on a command re-published by {@code switchboard replay}.
   */
  public static final String REPLAY = "switchboard_replay";

  private ContractHeaders() {}
}
