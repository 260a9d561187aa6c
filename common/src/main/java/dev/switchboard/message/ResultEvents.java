package dev.switchboard.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.ErrorInfo;
import dev.switchboard.json.Json;
import dev.switchboard.json.RawJson;
import java.nio.charset.StandardCharsets;

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
   * The bytes of one command's {@code record} events, exactly as {@code
   * Json.bytes(record(commandId, seq, data))} writes them. A {@link RawJson} record is appended to
   * a prefix made once per command, with no tree and no generator: a million-record stream writes a
   * million of these.
   */
  public static final class RecordWriter {
    private static final byte[] SEQ_END = ",\"data\":".getBytes(StandardCharsets.US_ASCII);
    private final String commandId;
    private final byte[] head;

    public RecordWriter(String commandId) {
      this.commandId = commandId;
      byte[] id = Json.bytes(JsonNodeFactory.instance.textNode(commandId));
      byte[] start = "{\"type\":\"record\",\"commandId\":".getBytes(StandardCharsets.US_ASCII);
      byte[] seq = ",\"seq\":".getBytes(StandardCharsets.US_ASCII);
      head = new byte[start.length + id.length + seq.length];
      System.arraycopy(start, 0, head, 0, start.length);
      System.arraycopy(id, 0, head, start.length, id.length);
      System.arraycopy(seq, 0, head, start.length + id.length, seq.length);
    }

    public byte[] bytes(long seq, JsonNode data) {
      if (!(data instanceof RawJson raw)) {
        return Json.bytes(record(commandId, seq, data));
      }
      byte[] n = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
      byte[] value = raw.utf8();
      byte[] out = new byte[head.length + n.length + SEQ_END.length + value.length + 1];
      int at = 0;
      System.arraycopy(head, 0, out, at, head.length);
      at += head.length;
      System.arraycopy(n, 0, out, at, n.length);
      at += n.length;
      System.arraycopy(SEQ_END, 0, out, at, SEQ_END.length);
      at += SEQ_END.length;
      System.arraycopy(value, 0, out, at, value.length);
      out[out.length - 1] = '}';
      return out;
    }
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
