package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What {@code tail --format json} prints for one record. */
class RecordJsonTest {
  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader("switchboard_replay", utf8("true")));
    headers.add(new RecordHeader("empty", (byte[]) null));
    return new ConsumerRecord<>(
        "t",
        2,
        41L,
        1_700_000_000_123L,
        TimestampType.CREATE_TIME,
        0,
        0,
        utf8(key),
        utf8(value),
        headers,
        Optional.empty());
  }

  @Test
  void aResultEventWithItsPlaceAndHeaders() {
    ObjectNode o = RecordJson.of(record("c1", "{\"type\":\"completed\",\"records\":2}"));

    assertThat(o.path("partition").asInt()).isEqualTo(2);
    assertThat(o.path("offset").asLong()).isEqualTo(41);
    assertThat(o.path("timestamp").asLong()).isEqualTo(1_700_000_000_123L);
    assertThat(o.path("key").asText()).isEqualTo("c1");
    assertThat(o.path("headers").path("switchboard_replay").asText()).isEqualTo("true");
    assertThat(o.path("headers").path("empty").isNull()).isTrue();
    assertThat(o.path("value").path("type").asText())
        .as("parsed, not a string")
        .isEqualTo("completed");
    assertThat(o.path("value").path("records").asInt()).isEqualTo(2);
  }

  @Test
  void aValueThatIsNotJsonStaysAStringAndANullKeyIsNull() {
    ObjectNode o = RecordJson.of(record(null, "not json"));

    assertThat(o.path("key").isNull()).isTrue();
    assertThat(o.path("value").isTextual()).isTrue();
    assertThat(o.path("value").asText()).isEqualTo("not json");
  }
}
