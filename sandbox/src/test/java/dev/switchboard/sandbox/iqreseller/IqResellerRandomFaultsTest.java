package dev.switchboard.sandbox.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code randomFaults}: seeded 503 / 429 / timeouts on data calls and logins. */
class IqResellerRandomFaultsTest extends SimulatorFixture {
  private static final String PAGE = "SO/JSON/GetSOs?Page=1&PageSize=5&SortBy=0";
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void eachKindOnTheWire() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    HttpResponse<String> error =
        http.get(t, PAGE, "x-sandbox-scenario", "{\"randomFaults\":{\"serverErrors\":1}}");
    assertThat(error.statusCode()).isEqualTo(503);
    assertThat(IqResellerHttp.json(error).get("Message").asText())
        .isEqualTo("An error has occurred.");
    HttpResponse<String> throttled =
        http.get(
            t,
            PAGE,
            "x-sandbox-scenario",
            "{\"randomFaults\":{\"rateLimits\":1,\"retryAfterSeconds\":3}}");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> get(t, PAGE, "{\"randomFaults\":{\"timeouts\":1,\"timeoutHoldMs\":300}}"))
        .isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    HttpResponse<String> other =
        http.get(
            t,
            PAGE,
            "x-sandbox-scenario",
            "{\"randomFaults\":{\"serverErrors\":1," + "\"serverErrorStatus\":500}}");
    assertThat(other.statusCode()).isEqualTo(500);
    assertThat(http.get(t, PAGE).statusCode()).as("no mode, no fault").isEqualTo(200);
    IqResellerStats s = sim.stats();
    assertThat(s.faults(FaultDice.SERVER_ERROR)).isEqualTo(2);
    assertThat(s.faults(FaultDice.RATE_LIMIT)).isEqualTo(1);
    assertThat(s.faults(FaultDice.TIMEOUT))
        .isGreaterThanOrEqualTo(1); // java.net.http may retry a GET once
    assertThat(s.faultsByKind()).doesNotContainKey(FaultDice.LOST_ANSWER);
  }

  @Test
  void theSessionIsStillCheckedFirst() {
    start(IqResellerSettings.defaults());
    sim.setScenario(
        KEY,
        IqResellerScenario.none()
            .withRandomFaults(RandomFaults.of(1, 1, 0, 0, 0).withAuthCalls(false)));
    assertThat(http.get("not-a-session", PAGE).statusCode()).isEqualTo(401);
    String t = http.token(KEY); // authCalls false: the login is served
    assertThat(http.get(t, PAGE).statusCode()).isEqualTo(503);
    sim.setScenario(
        KEY, IqResellerScenario.none().withRandomFaults(RandomFaults.of(1, 1, 0, 0, 0)));
    assertThat(http.login(KEY).statusCode()).as("logins draw by default").isEqualTo(503);
    assertThat(http.logout(t).statusCode()).as("logouts never do").isEqualTo(200);
  }

  @Test
  void aSeededRunGivesTheFractionsWithinWideBounds() throws Exception {
    start(IqResellerSettings.defaults());
    sim.setScenario(
        KEY,
        IqResellerScenario.none()
            .withRandomFaults(
                RandomFaults.of(7, 0.10, 0.05, 0.03, 0).withTimeoutHoldMs(0).withAuthCalls(false)));
    String t = http.token(KEY);
    int ok = 0;
    for (int i = 0; i < 600; i++) {
      try {
        if (get(t, PAGE, null).statusCode() == 200) ok++;
      } catch (IOException dropped) {
        // a timeout, dropped at once (hold 0)
      }
    }
    IqResellerStats s = sim.stats();
    long calls = s.dataCalls("SO/JSON/GetSOs");
    assertThat(calls).isGreaterThanOrEqualTo(600);
    assertThat(s.faults(FaultDice.SERVER_ERROR)).isBetween(calls * 5 / 100, calls * 15 / 100);
    assertThat(s.faults(FaultDice.RATE_LIMIT)).isBetween(calls * 2 / 100, calls * 9 / 100);
    assertThat(s.faults(FaultDice.TIMEOUT)).isBetween(calls / 100, calls * 7 / 100);
    assertThat(
            ok
                + s.faults(FaultDice.SERVER_ERROR)
                + s.faults(FaultDice.RATE_LIMIT)
                + s.faults(FaultDice.TIMEOUT))
        .isEqualTo(calls);
    assertThat(s.faultsInjected()).isEqualTo(calls - ok);
  }

  @Test
  void theControlApiTakesTheModeAsJson() {
    start(IqResellerSettings.defaults());
    String json =
        "{\"randomFaults\":{\"seed\":7,\"serverErrors\":0.1,\"rateLimits\":0.05,\"timeouts\":0.03,"
            + "\"timeoutHoldMs\":1500}}";
    assertThat(http.control("PUT", "scenarios/" + KEY, json).statusCode()).isEqualTo(200);
    RandomFaults f = sim.scenario(KEY).randomFaults();
    assertThat(f.timeouts()).isEqualTo(0.03);
    assertThat(f.retryAfterSeconds()).isEqualTo(1);
    assertThat(http.control("GET", "scenarios/" + KEY, null).body())
        .contains("\"randomFaults\"", "\"seed\":7");
    assertThat(
            http.control("PUT", "scenarios/" + KEY, "{\"randomFaults\":{\"timeouts\":-1}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(http.control("GET", "stats", null).body()).contains("\"faultsByKind\"");
  }

  private HttpResponse<String> get(String token, String path, String scenario) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("iqr-session-token", token)
            .GET();
    if (scenario != null) b.header("x-sandbox-scenario", scenario);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
