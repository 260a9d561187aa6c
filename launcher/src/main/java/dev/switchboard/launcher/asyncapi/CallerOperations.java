package dev.switchboard.launcher.asyncapi;

import static dev.switchboard.launcher.asyncapi.ContractSchemas.ref;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;

/**
 * The operations from the caller's point of view: it sends commands (with the result events as the
 * reply) and receives result events and dead letters. Plus the Kafka channel bindings of the topics
 * Switchboard creates.
 */
final class CallerOperations {
  private CallerOperations() {}

  static void add(
      ObjectNode operations,
      String provider,
      ObjectNode commands,
      ObjectNode results,
      ObjectNode dlq) {
    String commandsId = AsyncApiGenerator.channelId(provider, "commands");
    String resultsId = AsyncApiGenerator.channelId(provider, "results");
    String dlqId = AsyncApiGenerator.channelId(provider, "dlq");
    ObjectNode send =
        operation(
            operations,
            provider + ".sendCommand",
            "send",
            commandsId,
            commands,
            "Send a command to " + provider + ".",
            "The value is one JSON object: its operation names the message, its params are that"
                + " operation's params. The result events answer on the results channel, or on"
                + " the reply topic the command names (replyTo, or the kafka_replyTopic header).");
    ObjectNode reply = send.putObject("reply");
    reply.set("channel", ref("#/channels/" + resultsId));
    reply.set("messages", messageRefs(resultsId, results));
    operation(
        operations,
        provider + ".receiveResults",
        "receive",
        resultsId,
        results,
        "Receive the result events of " + provider + " commands.",
        "Per command: the record events of a streamed operation, then one terminal event"
            + " (completed or failed).");
    operation(
        operations,
        provider + ".receiveDeadLetters",
        "receive",
        dlqId,
        dlq,
        "Receive the " + provider + " commands records that could not be answered.",
        "Copies with provenance headers; fix the cause, then replay them (switchboard replay).");
  }

  private static ObjectNode operation(
      ObjectNode operations,
      String id,
      String action,
      String channelId,
      ObjectNode channel,
      String summary,
      String description) {
    ObjectNode op = operations.putObject(id).put("action", action);
    op.set("channel", ref("#/channels/" + channelId));
    op.put("summary", summary).put("description", description);
    op.set("messages", messageRefs(channelId, channel));
    return op;
  }

  /** The messages of a channel, as references for an operation. */
  private static ArrayNode messageRefs(String channelId, ObjectNode channel) {
    ArrayNode refs = Json.array();
    channel
        .path("messages")
        .fieldNames()
        .forEachRemaining(m -> refs.add(ref("#/channels/" + channelId + "/messages/" + m)));
    return refs;
  }

  /** The topics as Switchboard creates them when missing (existing topics are left as they are). */
  static void channelBindings(ObjectNode components) {
    ObjectNode kafka =
        components.putObject("channelBindings").putObject("topic").putObject("kafka");
    kafka
        .put("partitions", 6)
        .put("replicas", 1)
        .put("bindingVersion", ResultMessages.BINDING_VERSION);
  }
}
