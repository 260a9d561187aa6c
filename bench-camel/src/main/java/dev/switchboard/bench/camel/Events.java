package dev.switchboard.bench.camel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;

/**
 * The result events of docs/message-contract.md as JSON strings, and the exchange properties the
 * routes keep a command's state in (headers would leak into HTTP requests and Kafka records).
 */
final class Events {
  static final String COMMAND_ID = "commandId";
  static final String OPERATION = "operation";
  static final String CONNECTION = "connection";
  static final String PARAMS = "params";
  static final String CORRELATION_ID = "correlationId";
  static final String MANUAL_COMMIT = "manualCommit";
  static final String TOKEN = "token";
  static final String EVENT_TYPE = "eventType";
  static final String STARTED = "startedNanos";
  static final String RECORDS = "records";
  static final String PAGES = "pages";

  /** Exact decimals both ways: 578.6800 stays 578.6800, as the contract asks. */
  static final ObjectMapper JSON = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Events() {}

  static String record(String commandId, long seq, JsonNode data) {
    ObjectNode e = JSON.createObjectNode().put("type", "record").put("commandId", commandId).put("seq", seq);
    e.set("data", data);
    return write(e);
  }

  /** Body = the {@code completed} event; {@code data} is null for lists. */
  static void completed(Exchange ex, JsonNode data) {
    ObjectNode e = JSON.createObjectNode().put("type", "completed")
        .put("commandId", ex.getProperty(COMMAND_ID, String.class))
        .put("records", ex.getProperty(RECORDS, 0L, Long.class))
        .put("pages", ex.getProperty(PAGES, 1, Integer.class))
        .put("durationMs", durationMs(ex));
    if (data != null) {
      e.set("data", data);
    }
    ex.setProperty(EVENT_TYPE, "completed");
    ex.getMessage().setBody(write(e));
  }

  /** Body = the {@code failed} event for the exception the error handler caught. */
  static void failed(Exchange ex) {
    Throwable cause = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String[] codeAndMessage = Failures.describe(cause);
    ObjectNode e = JSON.createObjectNode().put("type", "failed")
        .put("commandId", ex.getProperty(COMMAND_ID, String.class))
        .put("durationMs", durationMs(ex));
    e.putObject("error").put("code", codeAndMessage[0]).put("message", codeAndMessage[1]);
    ex.setProperty(EVENT_TYPE, "failed");
    ex.getMessage().setBody(write(e));
  }

  private static long durationMs(Exchange ex) {
    Long started = ex.getProperty(STARTED, Long.class);
    return started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
