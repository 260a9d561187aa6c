package dev.switchboard.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.ErrorInfo;
import dev.switchboard.json.Json;

/**
 * Builders of the three result events of contract v1. Every command ends with exactly one terminal
 * event ({@code completed} or {@code failed}); streamed operations first emit one {@code record}
 * per provider record, in provider order, {@code seq} counting from 0.
 */
public final class ResultEvents {
  public static final String RECORD = "record";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  private ResultEvents() {}

  public static ObjectNode record(String commandId, long seq, JsonNode data) {
    ObjectNode n = Json.object().put("type", RECORD).put("commandId", commandId).put("seq", seq);
    n.set("data", data);
    return n;
  }

  /**
   * @param data the single result of a single-result operation, or null for streams
   */
  public static ObjectNode completed(
      String commandId, long records, long pages, long durationMs, JsonNode data) {
    ObjectNode n =
        Json.object()
            .put("type", COMPLETED)
            .put("commandId", commandId)
            .put("records", records)
            .put("pages", pages)
            .put("durationMs", durationMs);
    if (data != null) {
      n.set("data", data);
    }
    return n;
  }

  public static ObjectNode failed(String commandId, ErrorInfo error) {
    ObjectNode n = Json.object().put("type", FAILED).put("commandId", commandId);
    n.set("error", error.toJson());
    return n;
  }
}
