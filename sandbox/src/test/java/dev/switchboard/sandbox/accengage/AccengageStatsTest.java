package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccengageStatsTest extends AccengageFixture {

  @Test
  void countersTrackTokensCallsRequestsAndFailures() {
    start(AccengageSettings.defaults());
    String t = http.token();
    http.token();
    other.token();
    http.get(t, "/v1/me");
    http.get(t, app(APP) + "/messages");
    http.get(t, app(APP) + "/messages?page=2");
    http.get(null, app(APP) + "/messages");
    http.get(t, app(OTHER_APP) + "/messages");
    http.get(t, "/v1/nope");

    AccengageStats s = sim.stats();
    assertThat(s.tokensIssued(EMAIL)).isEqualTo(2);
    assertThat(s.tokensIssued(OTHER_EMAIL)).isEqualTo(1);
    assertThat(s.activeTokens()).isEqualTo(3);
    assertThat(s.calls("POST /v1/access_token")).isEqualTo(3);
    assertThat(s.calls("GET /v1/me")).isEqualTo(1);
    assertThat(s.calls("GET /v1/me/apps/{partnerId}/messages"))
        .isEqualTo(3); // the forbidden one passed auth
    assertThat(s.requests("GET /v1/me/apps/{partnerId}/messages")).isEqualTo(4);
    assertThat(s.requests("POST /v1/me/apps/{partnerId}/messages/{messageId}/send"))
        .as("never reached")
        .isZero();
    assertThat(s.tokenFailures(403)).isEqualTo(1);
    assertThat(s.forbidden()).isEqualTo(1);
    assertThat(s.unknownRoutes()).isEqualTo(1);
    assertThat(s.signatureFailures()).isZero();
    assertThat(s.signatures("GET /v1/me/apps/{partnerId}/messages"))
        .hasSize(1); // same second, same signature

    JsonNode overHttp = AccengageHttp.json(http.control("GET", "stats", null));
    assertThat(overHttp.get("tokensIssued").get(EMAIL).asLong()).isEqualTo(2);
    assertThat(overHttp.get("calls").get("GET /v1/me").asLong()).isEqualTo(1);
    assertThat(overHttp.get("tokenFailures").get("403").asLong()).isEqualTo(1);
    assertThat(overHttp.get("signatures").get("GET /v1/me").get(0).get("verified").asBoolean())
        .isTrue();
    assertThat(overHttp.toString()).doesNotContain(KEY).doesNotContain(t);
  }

  @Test
  void logsNeverContainApiKeysTokensOrSignatures() {
    Logger log = (Logger) LoggerFactory.getLogger("dev.switchboard.sandbox.accengage");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    log.addAppender(captured);
    try {
      start(AccengageSettings.defaults());
      String token = http.token();
      http.get(token, app(APP) + "/devices?lastOpen=2024-01-01");
      http.post(token, app(APP) + "/messages", "{\"subject\":\"a\",\"text\":\"b\"}");
      http.get("forged-" + token, "/v1/me");
      http.control("PUT", "scenarios/" + EMAIL, "{}");
      List<String> secrets = new ArrayList<>(List.of(KEY, OTHER_KEY, token));
      sim.stats()
          .signatures()
          .values()
          .forEach(l -> l.forEach(seen -> secrets.add(seen.signature())));
      await(sim.close()); // end handlers have run once the server is closed
      sim = null;
      assertThat(captured.list).hasSizeGreaterThanOrEqualTo(5);
      assertThat(secrets).hasSizeGreaterThan(5);
      for (ILoggingEvent e : captured.list) {
        for (String secret : secrets) assertThat(e.getFormattedMessage()).doesNotContain(secret);
      }
      assertThat(captured.list)
          .anySatisfy(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains("user=" + EMAIL)
                      .contains("token=#"));
      assertThat(AccengageUser.of(EMAIL, KEY, 1).toString()).doesNotContain(KEY);
    } finally {
      log.detachAppender(captured);
    }
  }
}
