package dev.switchboard.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;

/** JSON typed by a user: refused with one line that says where and what, never a trace. */
final class JsonArgs {
  private JsonArgs() {}

  /**
   * Parses {@code text} as one JSON object.
   *
   * @param what names the input in the error, e.g. {@code "-p/--params"} or {@code "line 3"}
   */
  static ObjectNode object(String text, String what) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage().lines().findFirst().orElse("").trim();
      var at = e.getLocation();
      throw CliException.usage(
          what
              + " is not valid JSON: "
              + why
              + (at != null && at.getColumnNr() > 0 ? " (column " + at.getColumnNr() + ")" : ""));
    }
    if (node == null || node.isMissingNode()) {
      throw CliException.usage(what + " is empty; expected a JSON object");
    }
    if (!node.isObject()) {
      throw CliException.usage(
          what + " must be a JSON object, not " + node.getNodeType().name().toLowerCase());
    }
    return (ObjectNode) node;
  }
}
