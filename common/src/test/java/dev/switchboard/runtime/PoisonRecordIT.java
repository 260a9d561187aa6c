package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A record with no id whose DLQ copy (value plus provenance headers) is over the producer's {@code
 * max.request.size}, though the record itself was under the broker's limit: it is dead-lettered
 * truncated, and its partition's commits go on.
 */
class PoisonRecordIT {
  /** The producer's default max.request.size. */
  private static final int MAX_REQUEST = 1_048_576;

  @Test
  void aPoisonRecordTooLargeToDeadLetterWholeIsTruncatedAndTheOffsetAdvances() throws Exception {
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                RuntimeHarness.freshSettings().withPartitions(1),
                ScenarioConnector.ID,
                Map.of("c1", Json.object()));
        TopicReader results = platform.results();
        TopicReader dlq = platform.dlq()) {
      // Just fits one produce request; the DLQ headers (~180 bytes) push the copy over it.
      byte[] value = new byte[MAX_REQUEST - 150];
      Arrays.fill(value, (byte) 'x');
      byte[] prefix = "{\"operation\":\"echo\",\"pad\":\"".getBytes(StandardCharsets.UTF_8);
      System.arraycopy(prefix, 0, value, 0, prefix.length);
      value[value.length - 2] = '"';
      value[value.length - 1] = '}';
      platform.sendRaw("c1".getBytes(StandardCharsets.UTF_8), value, List.of());
      String after =
          platform.send(
              RuntimeHarness.command("echo", "c1", Json.object().put("value", "after the poison")));

      results.untilTerminal(List.of(after), Duration.ofSeconds(60));
      dlq.until(r -> r.all().size() == 1, Duration.ofSeconds(30));
      ConsumerRecord<byte[], byte[]> copy = dlq.all().get(0);
      assertThat(header(copy, ContractHeaders.DLQ_TRUNCATED)).isEqualTo("true");
      assertThat(header(copy, ContractHeaders.DLQ_ORIGINAL_SIZE))
          .isEqualTo(String.valueOf(value.length));
      assertThat(header(copy, ContractHeaders.DLQ_TOPIC)).isEqualTo(platform.topics().commands());
      assertThat(header(copy, ContractHeaders.DLQ_PARTITION)).isEqualTo("0");
      assertThat(header(copy, ContractHeaders.DLQ_OFFSET)).isEqualTo("0");
      assertThat(header(copy, ContractHeaders.DLQ_REASON)).startsWith("NO_ID");
      assertThat(copy.value()).hasSize(DeadLetters.TRUNCATED_VALUE_BYTES).startsWith(prefix);
      GroupOffsets.awaitAllCommitted(
          platform.settings().bootstrap(),
          platform.settings().groupId(ScenarioConnector.ID),
          platform.topics().commands(),
          Duration.ofSeconds(30));
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> rec, String name) {
    var h = rec.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
