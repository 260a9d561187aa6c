package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.kafka.embedded.ChildJvmKafkaBroker;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker is killed with SIGKILL in the middle of a stream and restarted on the same data:
 * the stream completes with every record exactly once, in order (idempotent producer), and the
 * platform goes on taking commands. Run with both group protocols: with the classic one the
 * restart revokes and re-assigns the partitions, so the running command is redelivered to the
 * same instance, which must adopt it rather than run it twice.
 */
class IqResellerBrokerCrashIT {

  @ParameterizedTest
  @ValueSource(strings = {"consumer", "classic"})
  void aBrokerKilledMidStreamLosesAndRepeatsNothing(String groupProtocol) throws Exception {
    Path dir = Files.createTempDirectory("switchboard-crash");
    try (ChildJvmKafkaBroker broker = ChildJvmKafkaBroker.start(dir, 0);
        IqResellerFixture iqr = IqResellerFixture.withAcme(5_000)) {
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none()
          .withLatencyMs(200)); // 21 pages of 250: about four seconds
      RuntimeSettings settings = RuntimeSettings.defaults(broker.bootstrapServers())
          .withTopicPrefix("crash").withPartitions(2)
          .withKafka(Map.of("group.protocol", groupProtocol));
      try (RuntimeHarness platform = RuntimeHarness.start(settings, "iqreseller",
          iqr.connections()); TopicReader results = platform.results()) {
        String id = platform.send(RuntimeHarness.command("salesOrders.list", "acme",
            Json.object().put("pageSize", 250)));
        results.until(r -> r.events(id).size() > 500, Duration.ofSeconds(60));

        broker.kill();
        broker.restart();

        results.untilTerminal(List.of(id), Duration.ofSeconds(120));
        IqResellerStreamIT.assertCompleteStream(results.events(id), 5_000);

        String after = platform.send(RuntimeHarness.command("inventory.count", "acme", null));
        results.untilTerminal(List.of(after), Duration.ofSeconds(60));
        assertThat(results.terminals(after).get(0).path("type").asText()).isEqualTo("completed");
      }
    }
  }
}
