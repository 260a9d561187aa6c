package dev.switchboard.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ErrorInfo;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.json.RawJson;
import org.junit.jupiter.api.Test;

/** Exact JSON shapes of the three result events of contract v1. */
class ResultEventsTest {
  private static String text(JsonNode n) {
    return Json.text(n);
  }

  @Test
  void recordEvent() {
    assertThat(text(ResultEvents.record("c1", 3, Json.object().put("a", 1))))
        .isEqualTo("{\"type\":\"record\",\"commandId\":\"c1\",\"seq\":3,\"data\":{\"a\":1}}");
  }

  @Test
  void completedEventOfAStreamHasNoData() {
    assertThat(text(ResultEvents.completed("c1", 1200, 3, 845, null)))
        .isEqualTo(
            "{\"type\":\"completed\",\"commandId\":\"c1\",\"records\":1200,\"pages\":3,"
                + "\"durationMs\":845}");
  }

  @Test
  void completedEventOfASingleResultCarriesData() {
    assertThat(text(ResultEvents.completed("c2", 1, 0, 12, Json.object().put("ok", true))))
        .isEqualTo(
            "{\"type\":\"completed\",\"commandId\":\"c2\",\"records\":1,\"pages\":0,"
                + "\"durationMs\":12,\"data\":{\"ok\":true}}");
  }

  @Test
  void failedEventWithoutProviderDetail() {
    ErrorInfo e = ErrorInfo.of(SwitchboardException.invalid("UNKNOWN_OPERATION", "no op 'x'"));
    assertThat(text(ResultEvents.failed("c3", e)))
        .isEqualTo(
            "{\"type\":\"failed\",\"commandId\":\"c3\",\"error\":{\"code\":\"UNKNOWN_OPERATION\","
                + "\"category\":\"INVALID_COMMAND\",\"message\":\"no op 'x'\",\"retryable\":false}}");
  }

  @Test
  void failedEventWithProviderDetail() {
    ProviderCallException p =
        new ProviderCallException(
            new Resolution(Action.RATE_LIMITED, Category.RATE_LIMITED, "PROVIDER_RATE_LIMITED"),
            "throttled",
            Json.object().put("status", 429),
            null,
            null);
    assertThat(text(ResultEvents.failed("c4", ErrorInfo.of(p))))
        .isEqualTo(
            "{\"type\":\"failed\",\"commandId\":\"c4\",\"error\":{\"code\":\"PROVIDER_RATE_LIMITED\","
                + "\"category\":\"RATE_LIMITED\",\"message\":\"throttled\",\"retryable\":true,"
                + "\"provider\":{\"status\":429}}}");
  }

  @Test
  void eventTypeConstantsMatchTheContract() {
    assertThat(ResultEvents.RECORD).isEqualTo("record");
    assertThat(ResultEvents.COMPLETED).isEqualTo("completed");
    assertThat(ResultEvents.FAILED).isEqualTo("failed");
  }

  @Test
  void theRecordWriterWritesTheBytesOfTheTreeEvent() throws Exception {
    String[] ids = {"c-1", "quote\" back\\slash", "caf\u00e9 \ud83d\ude00", "\u0001\n"};
    JsonNode tree = Json.parse("{\"a\":578.6800,\"b\":[1,\"x\"],\"c\":null}".getBytes(UTF_8));
    for (String id : ids) {
      ResultEvents.RecordWriter writer = new ResultEvents.RecordWriter(id);
      for (long seq : new long[] {0, 9, 10, 1_000_000_007L}) {
        byte[] expected = Json.bytes(ResultEvents.record(id, seq, tree));
        assertThat(writer.bytes(seq, new RawJson(Json.bytes(tree)))).as(id).isEqualTo(expected);
        assertThat(writer.bytes(seq, tree)).as(id + " (a tree)").isEqualTo(expected);
      }
    }
  }
}
