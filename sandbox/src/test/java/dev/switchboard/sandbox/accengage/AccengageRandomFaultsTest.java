package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code randomFaults}: seeded 503 / 429 / timeouts, and writes applied whose answer is lost. */
class AccengageRandomFaultsTest extends AccengageFixture {
  private static final String CREATE = "POST /v1/me/apps/{partnerId}/messages";
  private static final String SEND = "POST /v1/me/apps/{partnerId}/messages/{messageId}/send";
  private static final String HEADER = "x-sandbox-scenario";

  @Test
  void eachKindOnTheWire() {
    start(AccengageSettings.defaults());
    String t = http.token();
    HttpResponse<String> lb =
        http.get(t, app(APP) + "/segments", HEADER, "{\"randomFaults\":{\"serverErrors\":1}}");
    assertThat(lb.statusCode()).isEqualTo(503);
    assertThat(lb.body()).isEqualTo("503 Service Unavailable"); // a load balancer: no label
    HttpResponse<String> labelled =
        http.get(
            t,
            app(APP) + "/segments",
            HEADER,
            "{\"randomFaults\":{\"serverErrors\":1,\"serverErrorStatus\":500}}");
    assertThat(labelled.statusCode()).isEqualTo(500);
    assertThat(AccengageHttp.label(labelled)).isEqualTo("API_ERR_SERVICE");
    HttpResponse<String> throttled =
        http.get(
            t,
            app(APP) + "/segments",
            HEADER,
            "{\"randomFaults\":{\"rateLimits\":1,\"retryAfterSeconds\":2}}");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(AccengageHttp.label(throttled)).isEqualTo("API_ERR_RATE_LIMIT");
    assertThatThrownBy(
            () ->
                http.post(
                    t,
                    app(APP) + "/messages",
                    "{\"subject\":\"s\",\"text\":\"t\"}",
                    HEADER,
                    "{\"randomFaults\":{\"timeouts\":1,\"timeoutHoldMs\":200}}"))
        .hasCauseInstanceOf(IOException.class);
    assertThat(sim.stats().writesApplied(CREATE)).as("a timeout applies nothing").isZero();
    assertThat(http.login(HEADER, "{\"randomFaults\":{\"serverErrors\":1}}").statusCode())
        .as("token requests draw too")
        .isEqualTo(503);
    AccengageStats s = sim.stats();
    assertThat(s.faults(FaultDice.SERVER_ERROR)).isEqualTo(3);
    assertThat(s.faults(FaultDice.RATE_LIMIT)).isEqualTo(1);
    assertThat(s.faults(FaultDice.TIMEOUT)).isEqualTo(1);
  }

  @Test
  void signaturesAndTokensAreStillVerifiedFirst() {
    start(AccengageSettings.defaults());
    sim.setScenario(
        EMAIL, AccengageScenario.none().withRandomFaults(RandomFaults.of(1, 1, 0, 0, 0)));
    HttpResponse<String> badSig =
        http.raw("GET", app(APP) + "/segments", null, "nope", http.now(), "0", new String[0]);
    assertThat(badSig.statusCode()).isEqualTo(400);
    assertThat(AccengageHttp.label(badSig)).isEqualTo("API_ERR_SIGNATURE");
    assertThat(http.login().statusCode()).isEqualTo(503);
    sim.setScenario(
        EMAIL,
        AccengageScenario.none()
            .withRandomFaults(RandomFaults.of(1, 1, 0, 0, 0).withAuthCalls(false)));
    String t = http.token();
    assertThat(http.get("not-a-token", app(APP) + "/segments").statusCode())
        .isEqualTo(400); // API_ERR_TOKEN
    assertThat(http.get(t, app(APP) + "/segments").statusCode()).isEqualTo(503);
  }

  @Test
  void aLostAnswerIsAppliedAndABlindResendIsADuplicate() {
    start(AccengageSettings.defaults());
    String t = http.token();
    sim.setScenario(
        EMAIL, AccengageScenario.none().withRandomFaults(RandomFaults.of(1, 0, 0, 0, 1)));
    String body = "{\"subject\":\"lost\",\"text\":\"applied, answer lost\"}";
    assertThatThrownBy(() -> http.post(t, app(APP) + "/messages", body))
        .hasCauseInstanceOf(IOException.class);
    AccengageStats after = sim.stats();
    assertThat(after.writesApplied(CREATE)).as("the write WAS applied").isEqualTo(1);
    assertThat(after.writeAnswersLost()).isEqualTo(1);
    assertThat(after.faults(FaultDice.LOST_ANSWER)).isEqualTo(1);
    assertThat(after.lostWriteKeys())
        .singleElement()
        .asString()
        .startsWith(CREATE + " /v1/me/apps/" + APP + "/messages ");
    sim.setScenario(EMAIL, AccengageScenario.none());
    long count =
        AccengageHttp.json(http.get(t, app(APP) + "/messages?page=3")).get("messages").size();
    assertThat(count).as("250 generated + the created one").isEqualTo(51);
    // re-sent blindly: a second message, counted as a duplicate and as a re-send after a loss
    assertThat(http.post(t, app(APP) + "/messages", body).statusCode()).isEqualTo(201);
    assertThat(
            http.post(t, app(APP) + "/messages", "{\"subject\":\"other\",\"text\":\"x\"}")
                .statusCode())
        .isEqualTo(201);
    AccengageStats s = sim.stats();
    assertThat(s.writesApplied(CREATE)).isEqualTo(3);
    assertThat(s.distinctWritesApplied()).containsEntry(CREATE, 2L);
    assertThat(s.duplicateWrites()).isEqualTo(1);
    assertThat(s.writesResentAfterLostAnswer()).isEqualTo(1);
  }

  @Test
  void aSeededRunGivesTheFractionsWithinWideBounds() {
    start(AccengageSettings.defaults());
    String t = http.token();
    long firstId =
        AccengageHttp.json(http.get(t, app(APP) + "/messages"))
            .get("messages")
            .get(0)
            .get("id")
            .asLong();
    sim.setScenario(
        EMAIL,
        AccengageScenario.none()
            .withRandomFaults(
                RandomFaults.of(7, 0.10, 0.05, 0.03, 0.05)
                    .withTimeoutHoldMs(0)
                    .withAuthCalls(false)));
    int n = 500;
    int answered2xx = 0;
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      String target = "{\"staticListId\":\"list-" + i + "\"}";
      try {
        int status = http.post(t, app(APP) + "/messages/" + firstId + "/send", target).statusCode();
        if (status == 201) answered2xx++;
      } catch (AssertionError e) {
        if (!(e.getCause() instanceof IOException)) throw e;
        dropped++;
      }
    }
    AccengageStats s = sim.stats();
    assertThat(s.calls(SEND)).isEqualTo(n);
    assertThat(s.faults(FaultDice.SERVER_ERROR)).isBetween(n * 5L / 100, n * 15L / 100);
    assertThat(s.faults(FaultDice.RATE_LIMIT)).isBetween(n * 2L / 100, n * 9L / 100);
    assertThat(s.faults(FaultDice.TIMEOUT)).isBetween(n / 100L, n * 7L / 100);
    long applied = s.writesApplied(SEND);
    assertThat(s.faults(FaultDice.LOST_ANSWER)).isBetween(applied / 100, applied * 10 / 100);
    assertThat(applied).isEqualTo(answered2xx + s.writeAnswersLost());
    assertThat(dropped)
        .isEqualTo((int) (s.faults(FaultDice.TIMEOUT) + s.faults(FaultDice.LOST_ANSWER)));
    assertThat(s.duplicateWrites()).as("every target differs").isZero();
    assertThat(s.writesResentAfterLostAnswer()).isZero();
  }
}
