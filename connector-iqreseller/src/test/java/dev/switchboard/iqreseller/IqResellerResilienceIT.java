package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against the verifying simulator: one tenant's IQ Reseller goes down for 20 s (every call, logins
 * included, answered 503) while 100 commands are queued on its connection. It receives a bounded
 * number of calls (the runtime's circuit breaker), the other connection on the same partition is
 * answered meanwhile, and the queued commands are answered once it is back.
 */
class IqResellerResilienceIT {
  private static final String GLOBEX_KEY = "test-globex-key-51c0";

  @Test
  void aTwentySecondOutageGetsBoundedCallsAndTheOtherTenantCarriesOn() throws Exception {
    try (IqResellerFixture iqr =
        new IqResellerFixture(
            IqResellerConfig.defaults()
                .withTenant(IqResellerFixture.ACME_KEY, IqResellerTenant.of("acme", 7))
                .withTenant(GLOBEX_KEY, IqResellerTenant.of("globex", 8)))) {
      iqr.sim()
          .setScenario(
              IqResellerFixture.ACME_KEY,
              IqResellerScenario.none()
                  .withRandomFaults(
                      new RandomFaults(1L, 1.0, 503, 0.0, null, 0.0, null, 0.0, true)));
      try (RuntimeHarness platform =
              RuntimeHarness.start(
                  RuntimeHarness.freshSettings().withPartitions(1),
                  "iqreseller",
                  Map.of(
                      "acme",
                      iqr.connection(IqResellerFixture.ACME_KEY),
                      "globex",
                      iqr.connection(GLOBEX_KEY)));
          TopicReader results = platform.results()) {
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          queued.add(platform.send(RuntimeHarness.command("inventory.count", "acme", null)));
        }
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          others.add(platform.send(RuntimeHarness.command("inventory.count", "globex", null)));
        }
        results.untilTerminal(others, Duration.ofSeconds(15));
        results.settle(Duration.ofSeconds(18));
        long callsDuringOutage = iqr.sim().stats().faultsInjected();
        iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none());
        Instant up = Instant.now();
        results.untilTerminal(queued, Duration.ofSeconds(60));
        long completed =
            queued.stream()
                .filter(
                    id -> results.terminals(id).get(0).path("type").asText().equals("completed"))
                .count();
        System.out.printf(
            "IQR-OUTAGE queued=100 callsDuringOutage=%d completed=%d " + "recoverMs=%d%n",
            callsDuringOutage, completed, Duration.between(up, Instant.now()).toMillis());

        // The calls in flight when it went down (32 per connection), then one probe per 5 s
        // open window; five per command (500) without the breaker.
        assertThat(callsDuringOutage).isLessThanOrEqualTo(40);
        assertThat(others)
            .allSatisfy(
                id ->
                    assertThat(results.terminals(id).get(0).path("type").asText())
                        .isEqualTo("completed"));
        assertThat(completed).isGreaterThanOrEqualTo(90);
      }
    }
  }
}
