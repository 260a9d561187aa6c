package dev.switchboard.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawJsonTest {
  private static final String VALUE =
      "{\"a\":578.6800,\"b\":[1,\"x\\u0001\",null],\"c\":\"caf\u00e9\"}";

  @Test
  void itsBytesAreWrittenAsTheyAreByByteAndCharGenerators() throws Exception {
    RawJson raw = new RawJson(VALUE.getBytes(StandardCharsets.UTF_8));
    ObjectNode event = Json.object().put("type", "record").put("seq", 3);
    event.set("data", raw);
    String expected = "{\"type\":\"record\",\"seq\":3,\"data\":" + VALUE + "}";

    assertThat(new String(Json.bytes(event), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(Json.text(event)).isEqualTo(expected);
    // big enough to overflow the generator's buffer: the copy still goes whole and in order
    String big = "\"" + "y".repeat(20_000) + "\"";
    event.set("data", new RawJson(big.getBytes(StandardCharsets.UTF_8)));
    assertThat(new String(Json.bytes(event), StandardCharsets.UTF_8)).endsWith(big + "}");
  }

  @Test
  void itReadsBackAsTheSameTree() throws Exception {
    RawJson raw = new RawJson(VALUE.getBytes(StandardCharsets.UTF_8));
    JsonNode tree = raw.tree();
    assertThat(tree.get("a").decimalValue().toPlainString()).isEqualTo("578.6800");
    assertThat(Json.parse(Json.bytes(Json.object().set("d", raw))).get("d")).isEqualTo(tree);
    assertThat(raw).isEqualTo(new RawJson(VALUE.getBytes(StandardCharsets.UTF_8)));
  }
}
