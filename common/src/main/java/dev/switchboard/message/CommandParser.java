package dev.switchboard.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a command record's value into a {@link Parsed} outcome. Records without a usable id cannot
 * be answered and go to the DLQ; records with an id but bad fields are answered with a {@code
 * failed} event of category {@code INVALID_COMMAND}.
 *
 * <p>A command is read within {@link CommandBounds} (depth, number and string length), and its
 * {@code params} are then checked for what they would expand to (decimals in plain notation, the
 * total), all before anything runs. A document that breaks a read bound is not read whole; it is
 * read a second time, leniently and without materialising anything but its top-level {@code id} and
 * {@code replyTo}, so that it is still answered ({@code INVALID_COMMAND}, naming the JSON Pointer
 * of the offending value) rather than sent to the DLQ. Only if that second read finds no
 * well-formed document, or no usable id, does it go to the DLQ as before.
 */
public final class CommandParser {
  /** Ids are used as Kafka keys and ledger keys: keep them printable and bounded. */
  static final int MAX_ID_LENGTH = 200;

  private final int maxBytes;

  public CommandParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Outcome of parsing one record. */
  public sealed interface Parsed permits Valid, Invalid, Unanswerable {}

  public record Valid(Command command) implements Parsed {}

  /** Has an id to answer to, but the fields are wrong. */
  public record Invalid(String id, String replyTo, String code, String message) implements Parsed {}

  /** No id to answer to: goes to the DLQ with this reason. */
  public record Unanswerable(String reason) implements Parsed {}

  /**
   * @param headerReplyTo the {@code kafka_replyTopic} header value, or null
   */
  public Parsed parse(byte[] value, String headerReplyTo) {
    return parse(value, headerReplyTo, null);
  }

  /**
   * @param headerReplyTo the {@code kafka_replyTopic} header value, or null
   * @param headerReplyPartition the {@code kafka_replyPartition} header value, or null
   */
  public Parsed parse(byte[] value, String headerReplyTo, byte[] headerReplyPartition) {
    if (value == null || value.length == 0) {
      return new Unanswerable("EMPTY_VALUE: record has no value");
    }
    JsonNode root;
    String overBound = null;
    try {
      root = CommandBounds.read(value);
    } catch (CommandBounds.OverBound e) {
      overBound = e.getMessage();
      root = CommandBounds.head(value);
      if (root == null) {
        return new Unanswerable("NOT_JSON: value is not a JSON document");
      }
    } catch (IOException | RuntimeException e) {
      return new Unanswerable("NOT_JSON: value is not a JSON document");
    }
    if (root == null || !root.isObject()) {
      return new Unanswerable("NOT_AN_OBJECT: command must be a JSON object");
    }
    JsonNode idNode = root.get("id");
    if (idNode == null || !idNode.isTextual() || !usableId(idNode.asText())) {
      return new Unanswerable(
          "NO_ID: command has no usable string id (1-" + MAX_ID_LENGTH + " printable characters)");
    }
    String id = idNode.asText();
    JsonNode replyField = root.get("replyTo");
    String replyTo =
        replyField != null && replyField.isTextual()
            ? replyField.asText()
            : replyField == null || replyField.isNull() ? headerReplyTo : null;
    if (value.length > maxBytes) {
      // Bounded by the broker's max message size, so parsing it to find the id was safe.
      return new Invalid(
          id,
          validTopic(replyTo) ? replyTo : null,
          "COMMAND_TOO_LARGE",
          "command is " + value.length + " bytes; the limit is " + maxBytes);
    }
    if (overBound != null) {
      return new Invalid(id, validTopic(replyTo) ? replyTo : null, "INVALID_COMMAND", overBound);
    }
    List<String> problems = new ArrayList<>();
    String operation = requiredText(root, "operation", problems);
    String connection = requiredText(root, "connection", problems);
    JsonNode params = root.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      problems.add("params must be an object");
    } else if (params != null && params.isObject()) {
      String tooBig = CommandBounds.problem(params, "/params", maxBytes);
      if (tooBig != null) {
        problems.add(tooBig);
      }
    }
    JsonNode replyNode = root.get("replyTo");
    if (replyNode != null
        && !replyNode.isNull()
        && (!replyNode.isTextual() || !validTopic(replyNode.asText()))) {
      problems.add("replyTo is not a valid topic name");
    } else if ((replyNode == null || replyNode.isNull())
        && headerReplyTo != null
        && !validTopic(headerReplyTo)) {
      problems.add("the kafka_replyTopic header is not a valid topic name");
    }
    Integer partition = ContractHeaders.replyPartition(headerReplyPartition);
    if (partition != null && partition < 0) {
      problems.add("the kafka_replyPartition header is not a partition number (4-byte big-endian)");
    }
    Instant deadline = null;
    JsonNode deadlineNode = root.get("deadline");
    if (deadlineNode != null && !deadlineNode.isNull()) {
      try {
        deadline = Instant.parse(deadlineNode.asText());
      } catch (DateTimeParseException e) {
        problems.add("deadline must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
      }
    }
    JsonNode reuseNode = root.get("reuseOutcome");
    if (reuseNode != null && !reuseNode.isNull() && !reuseNode.isBoolean()) {
      problems.add("reuseOutcome must be true or false");
    }
    root.fieldNames()
        .forEachRemaining(
            f -> {
              if (!KNOWN_FIELDS.contains(f)) {
                problems.add("unknown field '" + f + "'");
              }
            });
    if (!problems.isEmpty()) {
      return new Invalid(
          id, validTopic(replyTo) ? replyTo : null, "INVALID_COMMAND", String.join("; ", problems));
    }
    ObjectNode p = params == null || params.isNull() ? Json.object() : (ObjectNode) params;
    return new Valid(
        new Command(
            id,
            operation,
            connection,
            p,
            replyTo,
            deadline,
            reuseNode != null && reuseNode.asBoolean()));
  }

  private static final java.util.Set<String> KNOWN_FIELDS =
      java.util.Set.of(
          "id", "operation", "connection", "params", "replyTo", "deadline", "reuseOutcome");

  private static String requiredText(JsonNode root, String field, List<String> problems) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      problems.add(field + " is required and must be a non-empty string");
      return null;
    }
    return n.asText();
  }

  static boolean usableId(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return false;
    }
    return id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  /** Kafka's own rule for topic names. */
  public static boolean validTopic(String t) {
    return t != null
        && !t.isEmpty()
        && t.length() <= 249
        && t.matches("[a-zA-Z0-9._-]+")
        && !t.equals(".")
        && !t.equals("..");
  }
}
