package dev.switchboard.sandbox.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Scenarios are data: per tenant (Java API, control HTTP API) and per request (header). */
class IqResellerScenarioTest extends SimulatorFixture {
  private static String page(int n) {
    return "SO/JSON/GetSOs?Page=" + n + "&PageSize=20&SortBy=0";
  }

  @Test
  void sessionDiesAfterNDataCalls() {
    start(IqResellerSettings.defaults());
    sim.setScenario(KEY, IqResellerScenario.none().withExpireSessionAfterCalls(3));
    String t = http.token(KEY);
    for (int i = 1; i <= 3; i++) assertThat(http.get(t, page(i)).statusCode()).isEqualTo(200);
    assertThat(http.get(t, page(4)).statusCode()).isEqualTo(401);
    String fresh = http.token(KEY);
    assertThat(http.get(fresh, page(4)).statusCode()).as("re-auth works").isEqualTo(200);
    assertThat(sim.stats().dataCalls("SO/JSON/GetSOs")).isEqualTo(4);
  }

  @Test
  void failPageFailsTheFirstKTimesThenRecovers() {
    start(IqResellerSettings.defaults());
    sim.setScenario(KEY, IqResellerScenario.none().withFailPage(2, 500, 2));
    String t = http.token(KEY);
    assertThat(http.get(t, page(1)).statusCode()).isEqualTo(200);
    HttpResponse<String> failed = http.get(t, page(2));
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(IqResellerHttp.json(failed).get("Message").asText())
        .isEqualTo("An error has occurred.");
    assertThat(http.get(t, page(2)).statusCode()).isEqualTo(500);
    assertThat(http.get(t, page(2)).statusCode()).isEqualTo(200);
    assertThat(sim.stats().faultsInjected()).isEqualTo(2);
  }

  @Test
  void failPageCanRateLimitWithRetryAfter() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    HttpResponse<String> r =
        http.get(
            t,
            page(1),
            "x-sandbox-scenario",
            "{\"failPage\":{\"page\":1,\"status\":429,\"times\":1,\"retryAfterSeconds\":7}}");
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void truncatedPageIsUnparsableJson() {
    start(IqResellerSettings.defaults());
    sim.setScenario(KEY, IqResellerScenario.none().withTruncateJsonOnPage(2));
    String t = http.token(KEY);
    HttpResponse<String> bad = http.get(t, page(2));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).startsWith("[{\"so\":");
    assertThatThrownBy(() -> IqResellerHttp.JSON.readTree(bad.body()))
        .isInstanceOf(JsonProcessingException.class);
    assertThat(IqResellerHttp.json(http.get(t, page(1)))).hasSize(20);
  }

  @Test
  void headerOverridesTheTenantScenarioForOneRequest() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    HttpResponse<String> r =
        http.get(t, page(1), "x-sandbox-scenario", "{\"truncateJsonOnPage\":1}");
    assertThatThrownBy(() -> IqResellerHttp.JSON.readTree(r.body()))
        .isInstanceOf(JsonProcessingException.class);
    assertThat(IqResellerHttp.json(http.get(t, page(1)))).hasSize(20);
    assertThat(http.get(t, page(1), "x-sandbox-scenario", "{\"nope\":1}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void headerOverridesOnlyTheMembersItSets() {
    start(IqResellerSettings.defaults());
    sim.setScenario(
        KEY, IqResellerScenario.none().withTruncateJsonOnPage(1).withFailPage(3, 503, 5));
    String t = http.token(KEY);
    assertThat(
            http.get(t, page(3), "x-sandbox-scenario", "{\"truncateJsonOnPage\":9}").statusCode())
        .isEqualTo(503);
    HttpResponse<String> p1 =
        http.get(t, page(1), "x-sandbox-scenario", "{\"truncateJsonOnPage\":9}");
    assertThat(IqResellerHttp.json(p1)).hasSize(20);
  }

  @Test
  void invalidApiKeyScenarioRefusesLogin() {
    start(IqResellerSettings.defaults());
    assertThat(http.login(KEY, "x-sandbox-scenario", "{\"invalidApiKey\":true}").statusCode())
        .isEqualTo(401);
    sim.setScenario(OTHER_KEY, IqResellerScenario.none().withInvalidApiKey(true));
    assertThat(http.login(OTHER_KEY).statusCode()).isEqualTo(401);
    assertThat(http.login(KEY).statusCode()).isEqualTo(200);
    assertThat(sim.stats().loginsRefused()).isEqualTo(2);
  }

  @Test
  void latencyAndSlowPageUseTimers() {
    start(IqResellerSettings.defaults());
    sim.setScenario(KEY, IqResellerScenario.none().withLatencyMs(60).withSlowPage(2, 250));
    String t = http.token(KEY);
    assertThat(timed(() -> http.get(t, page(1)))).isGreaterThanOrEqualTo(60L);
    assertThat(timed(() -> http.get(t, page(2)))).isGreaterThanOrEqualTo(310L);
    // The event loop is not blocked: another tenant is served while a slow page waits.
    String other = http.token(OTHER_KEY);
    var pending =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                http.get(
                    t,
                    page(2),
                    "x-sandbox-scenario",
                    "{\"slowPage\":{\"page\":2,\"latencyMs\":700}}"));
    assertThat(http.get(other, page(1)).statusCode()).isEqualTo(200);
    assertThat(pending).as("slow page still waiting").isNotDone();
    assertThat(pending.join().statusCode()).isEqualTo(200);
  }

  @Test
  void scenariosAreControlledOverHttpToo() {
    start(IqResellerSettings.defaults());
    HttpResponse<String> put =
        http.control("PUT", "scenarios/" + KEY, "{\"failPage\":{\"page\":1}}");
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(sim.scenario(KEY).failPage().status()).isEqualTo(500);
    assertThat(http.get(http.token(KEY), page(1)).statusCode()).isEqualTo(500);
    assertThat(
            IqResellerHttp.json(http.control("GET", "scenarios/" + KEY, null))
                .get("failPage")
                .get("times")
                .asInt())
        .isEqualTo(1);
    assertThat(http.control("DELETE", "scenarios/" + KEY, null).statusCode()).isEqualTo(204);
    assertThat(sim.scenario(KEY)).isEqualTo(IqResellerScenario.none());
    assertThat(http.control("PUT", "scenarios/unknown", "{}").statusCode()).isEqualTo(404);
    assertThat(http.control("PUT", "scenarios/" + KEY, "{\"failPage\":").statusCode())
        .isEqualTo(400);
    String t = http.token(KEY);
    assertThat(http.control("POST", "sessions/expire", null).statusCode()).isEqualTo(200);
    assertThat(http.get(t, page(1)).statusCode()).isEqualTo(401);
  }

  @Test
  void settingAScenarioResetsFaultCounters() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    sim.setScenario(KEY, IqResellerScenario.none().withFailPage(1, 500, 1));
    assertThat(http.get(t, page(1)).statusCode()).isEqualTo(500);
    assertThat(http.get(t, page(1)).statusCode()).isEqualTo(200);
    sim.setScenario(KEY, IqResellerScenario.none().withFailPage(1, 500, 1));
    assertThat(http.get(t, page(1)).statusCode()).isEqualTo(500);
  }

  private static long timed(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
