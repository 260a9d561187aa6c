package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One command read from Kafka. A command that cannot be read is still a Command, with {@code
 * problem} set, so that it gets its {@code failed} event like any other.
 *
 * @param id the command id; for unreadable JSON the record key, else partition@offset
 * @param correlationId the {@code kafka_correlationId} header bytes (last occurrence), or null
 * @param problem why the command is invalid, or null
 */
record Command(
    String id,
    String operation,
    String connection,
    JsonNode params,
    byte[] correlationId,
    String problem) {

  static Command from(ConsumerRecord<String, byte[]> rec) {
    Header h = rec.headers().lastHeader("kafka_correlationId");
    byte[] correlation = h == null ? null : h.value();
    String fallbackId =
        rec.key() != null && !rec.key().isBlank()
            ? rec.key()
            : rec.partition() + "@" + rec.offset();
    JsonNode root;
    try {
      root = rec.value() == null ? null : Json.MAPPER.readTree(rec.value());
    } catch (Exception e) {
      return invalid(fallbackId, correlation, "the value is not JSON");
    }
    if (root == null || !root.isObject()) {
      return invalid(fallbackId, correlation, "the value is not a JSON object");
    }
    String id = text(root, "id");
    String operation = text(root, "operation");
    String connection = text(root, "connection");
    JsonNode params = root.path("params");
    if (params.isMissingNode() || params.isNull()) {
      params = JsonNodeFactory.instance.objectNode();
    }
    String problem =
        id == null
            ? "no id"
            : operation == null
                ? "no operation"
                : connection == null
                    ? "no connection"
                    : !params.isObject() ? "params is not an object" : null;
    return new Command(
        id == null ? fallbackId : id, operation, connection, params, correlation, problem);
  }

  /** A string param, or null when absent or blank. */
  String param(String name) {
    JsonNode v = params.path(name);
    return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
  }

  private static Command invalid(String id, byte[] correlation, String problem) {
    return new Command(id, null, null, JsonNodeFactory.instance.objectNode(), correlation, problem);
  }

  private static String text(JsonNode root, String field) {
    JsonNode v = root.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }

  /** For log lines only: never the params (they could carry customer data). */
  @Override
  public String toString() {
    return "Command[" + id + " " + operation + " on " + connection + "]";
  }
}
