package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stopping an instance with work in flight: finish within the grace, or leave it for the next owner. */
class IqResellerShutdownIT {

  @Test
  void gracefulStopFinishesTheInFlightStreamThenEndsTheSession() throws Exception {
    try (IqResellerFixture iqr = IqResellerFixture.withAcme(2_000)) {
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none()
          .withLatencyMs(150)); // ten pages: about two seconds of work
      RuntimeHarness platform = RuntimeHarness.start("iqreseller", iqr.connections(), s -> s);
      try (TopicReader results = platform.results()) {
        String id = platform.send(RuntimeHarness.command("salesOrders.list", "acme",
            Json.object().put("pageSize", 200)));
        results.until(r -> !r.events(id).isEmpty(), Duration.ofSeconds(60));
        assertThat(results.hasTerminal(id)).isFalse(); // still streaming when the stop begins

        platform.close();

        results.untilTerminal(List.of(id), Duration.ofSeconds(30));
        IqResellerStreamIT.assertCompleteStream(results.events(id), 2_000);
        assertThat(iqr.sim().stats().sessionsDeleted()).isEqualTo(1);
      }
    }
  }

  @Test
  void workPastTheGraceIsAbandonedUncommittedAndTheNextInstanceAnswersIt() throws Exception {
    try (IqResellerFixture iqr = IqResellerFixture.withAcme(2_000)) {
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none()
          .withLatencyMs(1_000)); // ten pages: about ten seconds
      RuntimeSettings settings = RuntimeHarness.freshSettings()
          .withShutdownGrace(Duration.ofMillis(500));
      RuntimeHarness first = RuntimeHarness.start(settings, "iqreseller", iqr.connections());
      try (TopicReader results = first.results()) {
        String id = first.send(RuntimeHarness.command("salesOrders.list", "acme",
            Json.object().put("pageSize", 200)));
        results.until(r -> !r.events(id).isEmpty(), Duration.ofSeconds(60));
        first.close(); // grace runs out mid-stream: abandoned, offset not committed
        assertThat(results.settle(Duration.ofSeconds(1)).hasTerminal(id)).isFalse();

        iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none());
        try (RuntimeHarness second = RuntimeHarness.start(settings, "iqreseller",
            iqr.connections())) {
          results.untilTerminal(List.of(id), Duration.ofSeconds(60));
          assertThat(results.terminals(id)).singleElement().satisfies(e -> {
            assertThat(e.path("type").asText()).isEqualTo("completed");
            assertThat(e.path("records").asLong()).isEqualTo(2_000);
          });
        }
      }
    }
  }
}
