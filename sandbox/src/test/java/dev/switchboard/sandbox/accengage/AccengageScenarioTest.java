package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sandbox.accengage.AccengageScenario.RateLimit;
import dev.switchboard.sandbox.accengage.AccengageScenario.ServerError;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Scenarios are data: per user (Java API, control HTTP API) and per request (header). */
class AccengageScenarioTest extends AccengageFixture {
  private static final String HEADER = "x-sandbox-scenario";

  @Test
  void emptyPagesStillCarryNextAndNoItemIsLost() {
    start(AccengageSettings.defaults());
    sim.setScenario(EMAIL, AccengageScenario.none().withEmptyPages(2, 3));
    String t = http.token();
    HttpResponse<String> p2 = http.get(t, app(APP) + "/messages?page=2");
    assertThat(AccengageHttp.json(p2).get("messages")).isEmpty();
    assertThat(Pages.rels(p2)).containsEntry("next", sim.baseUrl() + app(APP) + "/messages?page=3");
    assertThat(AccengageHttp.json(p2).get("links").get("next").asText())
        .endsWith("/messages?page=3");
    Pages.Walk walk = Pages.walk(http, t, app(APP) + "/messages", 20);
    assertThat(walk.pages()).hasSize(5);
    assertThat(Pages.items(walk, "messages")).hasSize((int) MESSAGES);

    sim.setScenario(EMAIL, AccengageScenario.none().withEveryNthPageEmpty(3));
    Pages.Walk devices = Pages.walk(http, t, app(APP) + "/devices", 30);
    assertThat(devices.pages()).hasSize(14); // 10 data pages, pages 3, 6, 9, 12 empty
    assertThat(devices.pages().get(2).body())
        .isEqualTo("deviceId;lastOpen;platform;appVersion;optin;country\n");
    assertThat(Pages.rows(devices)).hasSize((int) DEVICES).doesNotHaveDuplicates();
  }

  @Test
  void foreignNextPointsAtAnotherOriginInHeaderAndBody() {
    start(AccengageSettings.defaults());
    String t = http.token();
    String scenario = "{\"foreignNextOnPage\":2}";
    HttpResponse<String> p2 = http.get(t, app(APP) + "/messages?page=2", HEADER, scenario);
    String foreign = "http://127.0.0.2:" + sim.port() + app(APP) + "/messages?page=3";
    assertThat(Pages.rels(p2))
        .containsEntry("next", foreign)
        .containsEntry("first", sim.baseUrl() + app(APP) + "/messages?page=1");
    assertThat(AccengageHttp.json(p2).get("links").get("next").asText()).isEqualTo(foreign);
    assertThat(Pages.rels(http.get(t, app(APP) + "/messages?page=1", HEADER, scenario)).get("next"))
        .startsWith(sim.baseUrl());
    sim.setScenario(
        EMAIL,
        AccengageScenario.none()
            .withForeignNextOnPage(1)
            .withForeignOrigin("https://evil.example"));
    assertThat(Pages.rels(http.get(t, app(APP) + "/devices")).get("next"))
        .isEqualTo("https://evil.example" + app(APP) + "/devices?page=2");
  }

  @Test
  void rateLimitIs429WithRetryAfterOnAPageOrACall() {
    start(AccengageSettings.defaults());
    sim.setScenario(EMAIL, AccengageScenario.none().withRateLimit(new RateLimit(2, null, 7, 2)));
    String t = http.token();
    assertThat(http.get(t, app(APP) + "/messages?page=1").statusCode()).isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = http.get(t, app(APP) + "/messages?page=2");
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_RATE_LIMIT");
    }
    assertThat(http.get(t, app(APP) + "/messages?page=2").statusCode()).isEqualTo(200);
    assertThat(http.get(t, app(APP) + "/devices?page=2").statusCode())
        .as("per route")
        .isEqualTo(429);

    sim.setScenario(EMAIL, AccengageScenario.none().withRateLimit(new RateLimit(null, 2, null, 1)));
    assertThat(http.get(t, "/v1/me").statusCode()).isEqualTo(200);
    HttpResponse<String> second = http.get(t, "/v1/me");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(http.get(t, "/v1/me").statusCode()).isEqualTo(200);
    assertThat(sim.stats().rateLimited()).isEqualTo(4);
  }

  @Test
  void serverErrorsCarryEachDocumentedLabel() {
    start(AccengageSettings.defaults());
    String t = http.token();
    for (String label :
        List.of(
            "API_ERR_DB",
            "API_ERR_CACHE",
            "API_ERR_SERVICE",
            "API_ERR_UTIL",
            "API_ERR_SUPPORT",
            "API_ERR_UNKNOWN")) {
      String s = "{\"serverError\":{\"label\":\"" + label + "\",\"page\":1}}";
      HttpResponse<String> r = http.get(t, app(APP) + "/segments", HEADER, s);
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(AccengageHttp.label(r)).isEqualTo(label);
      assertThat(http.get(t, app(APP) + "/segments", HEADER, s).statusCode())
          .as("times defaults to 1")
          .isEqualTo(200);
    }
    sim.setScenario(
        EMAIL, AccengageScenario.none().withServerError(new ServerError("API_ERR_DB", null, 2, 2)));
    List<Integer> statuses =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> http.get(t, "/v1/me").statusCode())
            .toList();
    assertThat(statuses).containsExactly(200, 500, 500, 200);
    assertThat(sim.stats().serverErrors("API_ERR_DB")).isEqualTo(3);
    assertThat(
            http.get(
                    t,
                    "/v1/me",
                    HEADER,
                    "{\"serverError\":{\"label\":\"API_ERR_NOPE\",\"page\":1}}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void formatErrorsScenarioForcesNEntriesOnPosts() {
    start(AccengageSettings.defaults());
    String t = http.token();
    String good = "{\"subject\":\"a\",\"text\":\"b\"}";
    AccengageRoutesTest.assertFormatErrors(
        http.post(t, app(APP) + "/messages", good, HEADER, "{\"formatErrors\":3}"), 3);
    sim.setScenario(EMAIL, AccengageScenario.none().withFormatErrors(2));
    AccengageRoutesTest.assertFormatErrors(http.post(t, app(APP) + "/messages", good), 2);
    assertThat(http.get(t, app(APP) + "/messages").statusCode()).isEqualTo(200);
  }

  @Test
  void latencyUsesTimersAndNeverBlocksOtherUsers() {
    start(AccengageSettings.defaults());
    String t = http.token();
    String o = other.token();
    sim.setScenario(EMAIL, AccengageScenario.none().withLatencyMs(80));
    long t0 = System.nanoTime();
    assertThat(http.get(t, "/v1/me").statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(80);
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(() -> http.get(t, "/v1/me", HEADER, "{\"latencyMs\":700}"));
    assertThat(other.get(o, "/v1/me").statusCode()).isEqualTo(200);
    assertThat(slow).as("slow call still waiting").isNotDone();
    assertThat(slow.join().statusCode()).isEqualTo(200);
  }

  @Test
  void devicePagesMakesA5000PageExportWithoutMaterialisingIt() {
    start(AccengageSettings.defaults());
    sim.setScenario(EMAIL, AccengageScenario.none().withDevicePages(5000));
    String t = http.token();
    HttpResponse<String> last = http.get(t, app(APP) + "/devices?page=5000");
    assertThat(last.body().split("\n")).hasSize(101);
    assertThat(Pages.rels(last)).containsOnlyKeys("first", "prev");
    assertThat(Pages.rels(http.get(t, app(APP) + "/devices?page=4999"))).containsKey("next");
    assertThat(http.get(t, app(APP) + "/devices?page=5001").body().split("\n")).hasSize(1);
    String lastRow = last.body().split("\n")[100];
    assertThat(http.get(t, app(APP) + "/devices/" + lastRow.split(";")[0]).statusCode())
        .isEqualTo(200);
    // The oldest device: last opened 729 days before the data's last day (2024-06-30).
    assertThat(lastRow.split(";")[1])
        .isEqualTo(java.time.LocalDate.of(2024, 6, 30).minusDays(729).toString());
  }

  @Test
  void headerOverridesOnlyTheMembersItSetsAndBadScenariosAre400() {
    start(AccengageSettings.defaults());
    sim.setScenario(EMAIL, AccengageScenario.none().withEmptyPages(1).withFormatErrors(1));
    String t = http.token();
    JsonNode p1 =
        AccengageHttp.json(http.get(t, app(APP) + "/messages", HEADER, "{\"formatErrors\":2}"));
    assertThat(p1.get("messages")).as("emptyPages kept").isEmpty();
    for (String bad :
        List.of("{\"nope\":1}", "{\"emptyPages\":{\"every\":1}}", "{", "{\"rateLimit\":{}}")) {
      HttpResponse<String> r = http.get(t, "/v1/me", HEADER, bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(AccengageHttp.label(r)).isEqualTo("SANDBOX_ERR_SCENARIO");
    }
  }

  @Test
  void scenariosAreControlledOverHttpToo() {
    start(AccengageSettings.defaults());
    HttpResponse<String> put =
        http.control(
            "PUT",
            "scenarios/" + EMAIL,
            "{\"rateLimit\":{\"page\":1,\"retryAfterSeconds\":3},\"linkStyle\":\"SPLIT\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(sim.scenario(EMAIL).rateLimit().times()).isEqualTo(1);
    String t = http.token();
    assertThat(http.get(t, app(APP) + "/messages").headers().firstValue("Retry-After"))
        .hasValue("3");
    assertThat(http.get(t, app(APP) + "/messages").headers().allValues("Link")).hasSize(2);
    JsonNode got = AccengageHttp.json(http.control("GET", "scenarios/" + EMAIL, null));
    assertThat(got.get("rateLimit").get("retryAfterSeconds").asInt()).isEqualTo(3);
    assertThat(http.control("DELETE", "scenarios/" + EMAIL, null).statusCode()).isEqualTo(204);
    assertThat(sim.scenario(EMAIL)).isEqualTo(AccengageScenario.none());
    assertThat(http.control("PUT", "scenarios/nobody@x.example", "{}").statusCode()).isEqualTo(404);
    assertThat(http.control("PUT", "scenarios/" + EMAIL, "{\"rateLimit\":").statusCode())
        .isEqualTo(400);
  }
}
