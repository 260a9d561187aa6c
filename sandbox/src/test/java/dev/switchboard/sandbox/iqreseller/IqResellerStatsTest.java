package dev.switchboard.sandbox.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class IqResellerStatsTest extends SimulatorFixture {

  @Test
  void countersTrackSessionsCallsAndRefusals() {
    start(IqResellerSettings.defaults());
    String a = http.token(KEY);
    String b = http.token(KEY);
    http.token(OTHER_KEY);
    http.login("wrong");
    http.get(a, "SO/JSON/GetSOs?Page=1&PageSize=5");
    http.get(a, "SO/JSON/GetSOs?Page=2&PageSize=5");
    http.get(b, "Condition/JSON/GetConditions");
    http.get("forged", "SO/JSON/GetSOs");
    http.logout(b);

    IqResellerStats s = sim.stats();
    assertThat(s.sessionsCreated("tiny")).isEqualTo(2);
    assertThat(s.sessionsCreated("other")).isEqualTo(1);
    assertThat(s.sessionsDeleted()).isEqualTo(1);
    assertThat(s.activeSessions()).isEqualTo(2);
    assertThat(s.dataCalls("SO/JSON/GetSOs")).isEqualTo(2);
    assertThat(s.dataCalls("Condition/JSON/GetConditions")).isEqualTo(1);
    assertThat(s.totalDataCalls()).isEqualTo(3);
    assertThat(s.unauthorized()).isEqualTo(2); // refused login + forged token
    assertThat(s.loginsRefused()).isEqualTo(1);

    JsonNode overHttp = IqResellerHttp.json(http.control("GET", "stats", null));
    assertThat(overHttp.get("sessionsCreated").get("tiny").asLong()).isEqualTo(2);
    assertThat(overHttp.get("dataCalls").get("SO/JSON/GetSOs").asLong()).isEqualTo(2);
    assertThat(overHttp.toString()).doesNotContain(KEY);
  }

  @Test
  void requestLogNeverContainsApiKeysOrTokens() {
    Logger log = (Logger) LoggerFactory.getLogger("dev.switchboard.sandbox.iqreseller.requests");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    log.addAppender(captured);
    try {
      start(IqResellerSettings.defaults());
      String token = http.token(KEY);
      http.get(token, "SO/JSON/GetSOs?Page=1&PageSize=1");
      http.control("PUT", "scenarios/" + KEY, "{}");
      http.logout(token);
      await(sim.close()); // end handlers have run once the server is closed
      sim = null;
      assertThat(captured.list).hasSizeGreaterThanOrEqualTo(4);
      for (ILoggingEvent e : captured.list) {
        assertThat(e.getFormattedMessage()).doesNotContain(KEY).doesNotContain(token);
      }
      assertThat(captured.list)
          .anySatisfy(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains("tenant=tiny")
                      .contains("session=#"));
    } finally {
      log.detachAppender(captured);
    }
  }
}
