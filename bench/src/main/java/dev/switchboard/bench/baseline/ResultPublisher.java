package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes result events (docs/message-contract.md) to one provider's results topic, keyed by the
 * command id, with the {@code switchboard_type} header and the command's {@code
 * kafka_correlationId}. Every send returns a future that completes when Kafka has acknowledged the
 * event, or fails with {@link PublishFailure}.
 */
final class ResultPublisher {
  /** Kafka did not take an event: the command is not done, its offset must not be committed. */
  static final class PublishFailure extends RuntimeException {
    PublishFailure(Throwable cause) {
      super("cannot publish a result event: " + cause, cause);
    }
  }

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;

  ResultPublisher(KafkaProducer<String, byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  CompletableFuture<Void> record(Command c, long seq, JsonNode data) {
    ObjectNode v = event("record", c).put("seq", seq);
    v.set("data", data);
    return send(c, "record", v);
  }

  /** The terminal event of a list: {@code records} record events were sent before it. */
  CompletableFuture<Void> completed(Command c, long records, int pages) {
    return send(c, "completed", event("completed", c).put("records", records).put("pages", pages));
  }

  /** The terminal event of a single-result operation, the result in {@code data}. */
  CompletableFuture<Void> completed(Command c, JsonNode data) {
    ObjectNode v = event("completed", c).put("records", 0).put("pages", 1);
    v.set("data", data);
    return send(c, "completed", v);
  }

  CompletableFuture<Void> failed(Command c, CommandFailure f) {
    ObjectNode v = event("failed", c);
    v.putObject("error").put("code", f.code).put("message", f.getMessage());
    return send(c, "failed", v);
  }

  private static ObjectNode event(String type, Command c) {
    return Json.MAPPER.createObjectNode().put("type", type).put("commandId", c.id());
  }

  private CompletableFuture<Void> send(Command c, String type, ObjectNode value) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    try {
      ProducerRecord<String, byte[]> rec =
          new ProducerRecord<>(topic, c.id(), Json.MAPPER.writeValueAsBytes(value));
      rec.headers().add("switchboard_type", type.getBytes(StandardCharsets.UTF_8));
      if (c.correlationId() != null) {
        rec.headers().add("kafka_correlationId", c.correlationId());
      }
      // send() blocks while the producer's buffer is full: that is the back-pressure that keeps
      // a long list from outrunning Kafka.
      producer.send(
          rec,
          (meta, e) -> {
            if (e == null) {
              acked.complete(null);
            } else {
              acked.completeExceptionally(new PublishFailure(e));
            }
          });
    } catch (JsonProcessingException | RuntimeException e) {
      acked.completeExceptionally(new PublishFailure(e));
    }
    return acked;
  }
}
