package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record as {@code tail --format json} prints it, for {@code jq}: partition, offset, timestamp
 * (epoch milliseconds), key, headers (name to UTF-8 value; a repeated name keeps its last value)
 * and value, the parsed JSON event. A value that is not JSON (a dead letter can be anything) is
 * kept as a string.
 */
final class RecordJson {
  private RecordJson() {}

  static ObjectNode of(ConsumerRecord<byte[], byte[]> rec) {
    ObjectNode o =
        Json.object()
            .put("partition", rec.partition())
            .put("offset", rec.offset())
            .put("timestamp", rec.timestamp())
            .put("key", utf8(rec.key()));
    ObjectNode headers = o.putObject("headers");
    for (Header h : rec.headers()) {
      headers.put(h.key(), utf8(h.value()));
    }
    if (rec.value() == null) {
      o.putNull("value");
    } else {
      try {
        o.set("value", Json.parse(rec.value()));
      } catch (IOException | RuntimeException e) {
        o.put("value", utf8(rec.value()));
      }
    }
    return o;
  }

  private static String utf8(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
