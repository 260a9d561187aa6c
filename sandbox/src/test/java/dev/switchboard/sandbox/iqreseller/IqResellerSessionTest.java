package dev.switchboard.sandbox.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sandbox.iqreseller.IqResellerSettings.LoginFailureMode;
import dev.switchboard.sandbox.iqreseller.IqResellerSettings.LogoutResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IqResellerSessionTest extends SimulatorFixture {
  private static final String SOS = "SO/JSON/GetSOs?Page=1&PageSize=5&SortBy=0";

  @Test
  void loginReturnsSessionTokenInData() {
    start(IqResellerSettings.defaults());
    HttpResponse<String> r = http.login(KEY);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = IqResellerHttp.json(r);
    assertThat(body.get("Data").asText()).hasSizeGreaterThan(20).doesNotContain(KEY);
    assertThat(body.size()).isEqualTo(1);
    assertThat(http.token(KEY)).isNotEqualTo(body.get("Data").asText());
  }

  @Test
  void unknownKeyIsRefusedWith401ByDefault() {
    start(IqResellerSettings.defaults());
    HttpResponse<String> r = http.login("no-such-key");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(IqResellerHttp.json(r).get("Data").isNull()).isTrue();
    assertThat(IqResellerHttp.json(r).get("Message").asText()).isEqualTo("Invalid API token");
    assertThat(sim.stats().loginsRefused()).isEqualTo(1);
    assertThat(sim.stats().unauthorized()).isEqualTo(1);
  }

  @Test
  void refusalCanBe200WithNullData() {
    start(IqResellerSettings.defaults().withLoginFailureMode(LoginFailureMode.OK_WITH_NULL_DATA));
    HttpResponse<String> r = http.login("no-such-key");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(IqResellerHttp.json(r).get("Data").isNull()).isTrue();
    assertThat(sim.stats().loginsRefused()).isEqualTo(1);
  }

  @Test
  void loginEnvelopeMayCarryExtraMembers() {
    start(IqResellerSettings.defaults().withLoginEnvelopeExtraMembers(true));
    JsonNode body = IqResellerHttp.json(http.login(KEY));
    assertThat(body.get("Data").isTextual()).isTrue();
    assertThat(body.size()).isGreaterThan(1);
  }

  @Test
  void malformedLoginBodyIs400() {
    start(IqResellerSettings.defaults());
    var client = java.net.http.HttpClient.newHttpClient();
    var req =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.sessionUrl()))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json"))
            .build();
    HttpResponse<String> r = send(client, req);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(IqResellerHttp.json(r).get("Message").asText()).isNotBlank();
  }

  @Test
  void dataCallWithoutOrWithUnknownTokenIs401() {
    start(IqResellerSettings.defaults());
    HttpResponse<String> none = http.get(null, SOS);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(IqResellerHttp.json(none).get("Message").asText()).isEqualTo("Session expired");
    assertThat(http.get("forged", SOS).statusCode()).isEqualTo(401);
    assertThat(sim.stats().unauthorized()).isEqualTo(2);
  }

  @Test
  void sessionHeaderNameIsMatchedCaseInsensitively() {
    start(IqResellerSettings.defaults());
    String token = http.token(KEY);
    assertThat(http.get(null, SOS, "IQR-Session-Token", token).statusCode()).isEqualTo(200);
  }

  @Test
  void idleSessionExpiresOnTheInjectedClockAndEachCallRefreshesIt() {
    start(IqResellerSettings.defaults());
    String token = http.token(KEY);
    clock.advance(Duration.ofMinutes(59));
    assertThat(http.get(token, SOS).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(59)); // 118 min after login, 59 idle
    assertThat(http.get(token, SOS).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(60));
    assertThat(http.get(token, SOS).statusCode()).isEqualTo(401);
    assertThat(sim.stats().activeSessions()).isZero();
  }

  @Test
  void absoluteExpiryIgnoresActivity() {
    start(
        IqResellerSettings.defaults()
            .withSessionIdleTtl(Duration.ofMinutes(20))
            .withSlidingSessionExpiry(false));
    String token = http.token(KEY);
    clock.advance(Duration.ofMinutes(15));
    assertThat(http.get(token, SOS).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(5));
    assertThat(http.get(token, SOS).statusCode()).isEqualTo(401);
  }

  @Test
  void deleteEndsTheSession() {
    start(IqResellerSettings.defaults());
    String token = http.token(KEY);
    HttpResponse<String> r = http.logout(token);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(IqResellerHttp.json(r).get("Data").asBoolean()).isTrue();
    assertThat(http.get(token, SOS).statusCode()).isEqualTo(401);
    assertThat(http.logout(token).statusCode()).isEqualTo(401);
    assertThat(sim.stats().sessionsDeleted()).isEqualTo(1);
  }

  @Test
  void logoutBodyCanBeEmptyAsTheVendorPageSays() {
    start(IqResellerSettings.defaults().withLogoutResponse(LogoutResponse.EMPTY));
    HttpResponse<String> r = http.logout(http.token(KEY));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void expireAllSessionsForcesReauthentication() {
    start(IqResellerSettings.defaults());
    String token = http.token(KEY);
    sim.expireAllSessions();
    assertThat(http.get(token, SOS).statusCode()).isEqualTo(401);
    assertThat(http.get(http.token(KEY), SOS).statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> send(
      java.net.http.HttpClient c, java.net.http.HttpRequest r) {
    try {
      return c.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
