package dev.switchboard.launcher.asyncapi;

import static dev.switchboard.launcher.asyncapi.ContractSchemas.COMPONENTS;
import static dev.switchboard.launcher.asyncapi.ContractSchemas.ref;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.trace.CommandTrace;
import java.util.List;

/**
 * What every provider shares: the result-event and dead-letter messages, the Kafka headers, the
 * message keys (Kafka message bindings) and the correlation ids; see docs/message-contract.md.
 */
final class ResultMessages {
  static final List<String> EVENTS = List.of("record", "completed", "failed");
  static final String DEAD_LETTER = "deadLetter";
  static final String COMMAND = "command";
  static final String RESULT = "resultEvent";
  static final String COMMAND_HEADERS = "commandHeaders";
  static final String BINDING_VERSION = "0.5.0";

  private ResultMessages() {}

  /** {@code record}, {@code completed}, {@code failed} and {@code deadLetter}. */
  static void messages(ObjectNode messages, ContractSchemas schemas) {
    for (String type : EVENTS) {
      ObjectNode m = messages.putObject(type);
      m.put("name", type).put("title", type + " event");
      m.put("summary", schemas.event(type).path("description").asText());
      m.put("contentType", "application/json");
      m.set("headers", ref(COMPONENTS + "resultHeaders"));
      m.set("payload", ref(COMPONENTS + type));
      m.set("correlationId", ref("#/components/correlationIds/" + RESULT));
      m.set("bindings", ref("#/components/messageBindings/" + RESULT));
    }
    ObjectNode dlq = messages.putObject(DEAD_LETTER);
    dlq.put("name", DEAD_LETTER).put("title", "dead letter");
    dlq.put(
        "summary",
        "A commands record that cannot be answered: without a usable id (EMPTY_VALUE, NOT_JSON,"
            + " NOT_AN_OBJECT, NO_ID), or whose answer no topic would take (UNANSWERED).");
    dlq.put("contentType", "application/octet-stream");
    dlq.set("headers", ref(COMPONENTS + "deadLetterHeaders"));
    dlq.putObject("payload")
        .put(
            "description",
            "The original record value, unchanged (not necessarily JSON); on a truncated copy"
                + " its first 64 KiB.");
    dlq.set("bindings", ref("#/components/messageBindings/" + DEAD_LETTER));
  }

  /** The header schemas, added to {@code components/schemas}. */
  static void headers(ObjectNode schemas) {
    ObjectNode command = headerSchema(schemas, COMMAND_HEADERS);
    text(command, "kafka_correlationId", "Copied unchanged onto every result event.");
    text(command, "kafka_replyTopic", "Reply topic when the command has no replyTo field.");
    text(command, "switchboard_replay", "Set by switchboard replay (origin); informational.");
    text(
        command,
        CommandTrace.TRACEPARENT,
        "W3C trace context; continued on the provider calls and every result event.");
    text(command, CommandTrace.TRACESTATE, "W3C trace state, passed on with traceparent.");
    ObjectNode result = headerSchema(schemas, "resultHeaders");
    result.putArray("required").add("switchboard_type");
    ObjectNode type = text(result, "switchboard_type", "The event's type member, to filter by.");
    EVENTS.forEach(type.putArray("enum")::add);
    text(result, "kafka_correlationId", "The command's kafka_correlationId, when it had one.");
    text(result, "switchboard_replay", "true on a terminal event re-emitted from the ledger.");
    text(
        result,
        CommandTrace.TRACEPARENT,
        "The command's W3C trace context: its own traceparent, or with an OpenTelemetry SDK the"
            + " span that ran it. Absent when the command had none (or an invalid one).");
    text(result, CommandTrace.TRACESTATE, "The command's tracestate, when it had one.");
    ObjectNode dlq = headerSchema(schemas, "deadLetterHeaders");
    dlq.putArray("required")
        .add("switchboard_dlq_topic")
        .add("switchboard_dlq_partition")
        .add("switchboard_dlq_offset")
        .add("switchboard_dlq_reason");
    text(dlq, "switchboard_dlq_topic", "The commands topic the record came from.");
    text(dlq, "switchboard_dlq_partition", "Its partition, as decimal text.");
    text(dlq, "switchboard_dlq_offset", "Its offset, as decimal text.");
    text(
        dlq,
        "switchboard_dlq_reason",
        "<CODE>: <text>, e.g. NOT_JSON: value is not a JSON document.");
    text(dlq, "switchboard_dlq_truncated", "true on a copy cut to 64 KiB.");
    text(dlq, "switchboard_dlq_original_size", "On a truncated copy: the value's size in bytes.");
  }

  private static ObjectNode headerSchema(ObjectNode schemas, String name) {
    ObjectNode s = schemas.putObject(name).put("type", "object");
    s.put("description", "Kafka record headers (UTF-8 text); other headers are ignored.");
    return s;
  }

  private static ObjectNode text(ObjectNode headers, String name, String description) {
    return headers
        .withObjectProperty("properties")
        .putObject(name)
        .put("type", "string")
        .put("description", description);
  }

  /** The Kafka message bindings (the record key) and the correlation ids. */
  static void keysAndCorrelation(ObjectNode components) {
    ObjectNode bindings = components.putObject("messageBindings");
    key(
        bindings,
        COMMAND,
        "The connection id (recommended): commands of one partition start in"
            + " offset order, and a command id is deduplicated within its partition.");
    key(bindings, RESULT, "The command id (all events of a command on one partition).");
    key(bindings, DEAD_LETTER, "The original record's key, unchanged (if any).");
    ObjectNode ids = components.putObject("correlationIds");
    ids.putObject(COMMAND)
        .put("description", "The command id: commandId and key of every result event.")
        .put("location", "$message.payload#/id");
    ids.putObject(RESULT)
        .put("description", "The id of the command this event answers.")
        .put("location", "$message.payload#/commandId");
  }

  private static void key(ObjectNode bindings, String name, String description) {
    ObjectNode kafka = bindings.putObject(name).putObject("kafka");
    kafka.putObject("key").put("type", "string").put("description", description);
    kafka.put("bindingVersion", BINDING_VERSION);
  }
}
