package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session lifecycle through the real broker: one login for a storm, logout at shutdown once the
 * work in flight is done (the runtime side of stopping is common's ShutdownIT).
 */
class IqResellerSessionIT {

  @Test
  void hundredConcurrentCommandsOnAColdConnectionLogInOnceAndAStopEndsTheSessionAfterTheStream()
      throws Exception {
    try (IqResellerFixture iqr = IqResellerFixture.withAcme(50)) {
      RuntimeHarness platform =
          RuntimeHarness.start("iqreseller", iqr.connections(), s -> s.withBounds(256, 128, 256));
      List<String> ids = new ArrayList<>();
      try (TopicReader results = platform.results()) {
        for (int i = 0; i < 100; i++) {
          ids.add(platform.send(RuntimeHarness.command("inventory.count", "acme", null)));
        }
        results.untilTerminal(ids, Duration.ofSeconds(120));
        for (String id : ids) {
          assertThat(results.terminals(id))
              .singleElement()
              .satisfies(e -> assertThat(e.path("data").path("count").asLong()).isEqualTo(300));
        }
        assertThat(iqr.sim().stats().sessionsCreated("acme")).isEqualTo(1);
        assertThat(iqr.sim().stats().dataCalls("Inventory/GetInventoriesCount")).isEqualTo(100);
        assertThat(
                platform
                    .metrics()
                    .count(
                        "switchboard_token_refreshes_total",
                        "provider",
                        "iqreseller",
                        "connection",
                        "acme"))
            .isEqualTo(1);

        // A stream still running when the stop begins: its second page takes a second.
        iqr.sim()
            .setScenario(
                IqResellerFixture.ACME_KEY, IqResellerScenario.none().withSlowPage(2, 1_000));
        String stream =
            platform.send(
                RuntimeHarness.command(
                    "salesOrders.list", "acme", Json.object().put("pageSize", 10)));
        results.until(r -> !r.events(stream).isEmpty(), Duration.ofSeconds(60));
        assertThat(results.hasTerminal(stream)).isFalse();

        platform.close(); // graceful stop: drain (the stream completes), commit, DELETE the session
        results.untilTerminal(List.of(stream), Duration.ofSeconds(30));
        IqResellerStreamIT.assertCompleteStream(results.events(stream), 50);
        assertThat(iqr.sim().stats().sessionsDeleted()).isEqualTo(1);
        assertThat(iqr.sim().stats().activeSessions()).isZero();
      }
    }
  }

  @Test
  void aRefusedApiKeyFailsWithAuthAndIsNotRetriedInALoop() throws Exception {
    try (IqResellerFixture iqr = IqResellerFixture.withAcme(10)) {
      try (RuntimeHarness platform =
              RuntimeHarness.start(
                  "iqreseller", Map.of("acme", iqr.connection("not-a-valid-key")), s -> s);
          TopicReader results = platform.results()) {
        String id = platform.send(RuntimeHarness.command("items.list", "acme", Json.object()));
        results.untilTerminal(List.of(id), Duration.ofSeconds(60));
        var error = results.terminals(id).get(0).path("error");
        assertThat(error.path("category").asText()).isEqualTo("AUTH");
        assertThat(error.path("code").asText()).isEqualTo("IQR_LOGIN_REFUSED");
        assertThat(error.path("retryable").asBoolean()).isFalse();
        assertThat(error.toString()).doesNotContain("not-a-valid-key");
        assertThat(iqr.sim().stats().loginsRefused()).isEqualTo(1);
      }
    }
  }
}
