package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The access token (provider-apis.md §3.3) and the three documented API_ERR_TOKEN statuses. */
class AccengageTokenTest extends AccengageFixture {

  @Test
  void tokenFlowGivesABearerTokenThatOpensTheApi() {
    start(AccengageSettings.defaults());
    HttpResponse<String> login = http.login();
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    var body = AccengageHttp.json(login);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.has("expires_in")).as("lifetime is not published").isFalse();
    String token = body.get("access_token").asText();
    assertThat(http.get(token, "/v1/me").statusCode()).isEqualTo(200);
    assertThat(http.token()).as("each login gives a new token").isNotEqualTo(token);
    assertThat(http.get(token, "/v1/me").statusCode())
        .as("older tokens stay valid by default")
        .isEqualTo(200);
    assertThat(sim.stats().tokensIssued(EMAIL)).isEqualTo(2);
    assertThat(sim.stats().activeTokens()).isEqualTo(2);
  }

  @Test
  void noTokenIs403InvalidIs400ExpiredIs401() {
    start(AccengageSettings.defaults());
    assertToken(http.get(null, "/v1/me"), 403);
    assertToken(http.get("garbage", "/v1/me"), 400);
    String time = http.now();
    HttpResponse<String> basic =
        http.raw(
            "GET",
            "/v1/me",
            null,
            null,
            time,
            AccengageHttp.sha1("", KEY, time),
            "Authorization",
            "Basic b3BzOmtleQ==");
    assertToken(basic, 400);
    String token = http.token();
    clock.advance(Duration.ofSeconds(3599));
    assertThat(http.get(token, "/v1/me").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertToken(http.get(token, "/v1/me"), 401);
    assertThat(http.get(http.token(), "/v1/me").statusCode())
        .as("a new token works")
        .isEqualTo(200);
    var stats = sim.stats();
    assertThat(stats.tokenFailures(403)).isEqualTo(1);
    assertThat(stats.tokenFailures(400)).isEqualTo(2);
    assertThat(stats.tokenFailures(401)).isEqualTo(1);
    assertThat(stats.calls("GET /v1/me")).isEqualTo(2);
    assertThat(stats.requests("GET /v1/me")).isEqualTo(6);
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    start(AccengageSettings.defaults());
    String token = http.token();
    String time = http.now();
    HttpResponse<String> r =
        http.raw(
            "GET",
            "/v1/me",
            null,
            null,
            time,
            AccengageHttp.sha1("", KEY, time),
            "Authorization",
            "bearer " + token);
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void tokenTtlIsASetting() {
    start(AccengageSettings.defaults().withTokenTtl(Duration.ofMinutes(5)));
    String token = http.token();
    clock.advance(Duration.ofMinutes(5));
    assertToken(http.get(token, "/v1/me"), 401);
  }

  @Test
  void expireAllTokensOverJavaAndHttp() {
    start(AccengageSettings.defaults());
    String a = http.token();
    sim.expireAllTokens();
    assertToken(http.get(a, "/v1/me"), 401);
    String b = http.token();
    assertThat(http.control("POST", "tokens/expire", null).statusCode()).isEqualTo(200);
    assertToken(http.get(b, "/v1/me"), 401);
    assertThat(sim.stats().activeTokens()).isZero();
  }

  @Test
  void revokePreviousTokensMakesOlderTokensInvalid() {
    start(AccengageSettings.defaults().withRevokePreviousTokens(true));
    String first = http.token();
    String otherToken = other.token();
    String second = http.token();
    assertToken(http.get(first, "/v1/me"), 400);
    assertThat(http.get(second, "/v1/me").statusCode()).isEqualTo(200);
    assertThat(other.get(otherToken, "/v1/me").statusCode())
        .as("other users keep theirs")
        .isEqualTo(200);
  }

  @Test
  void tokenDiesAfterNCallsAndTheReplayCarriesAFreshVerifiedSignature() {
    start(AccengageSettings.defaults());
    sim.setScenario(EMAIL, AccengageScenario.none().withExpireTokenAfterCalls(2));
    String token = http.token();
    assertThat(http.get(token, "/v1/me").statusCode()).isEqualTo(200);
    assertThat(http.get(token, "/v1/me/apps").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> third = http.get(token, "/v1/me");
    assertToken(third, 401);
    String expiredTime = http.now();
    assertToken(http.get(token, "/v1/me"), 401); // stays dead
    clock.advance(Duration.ofSeconds(1));
    String fresh = http.token();
    assertThat(http.get(fresh, "/v1/me").statusCode()).as("re-auth and replay").isEqualTo(200);
    var seen = sim.stats().signatures("GET /v1/me");
    assertThat(seen).hasSize(3);
    assertThat(seen.get(2).time()).isNotEqualTo(expiredTime);
    assertThat(seen.get(2).verified()).isTrue();
    assertThat(sim.stats().faultsInjected()).isEqualTo(1);
  }

  @Test
  void anExpiredTokenWithABadSignatureIsASignatureError() {
    start(AccengageSettings.defaults());
    String token = http.token();
    sim.expireAllTokens();
    String time = http.now();
    HttpResponse<String> r =
        http.raw("GET", "/v1/me", null, token, time, AccengageHttp.sha1("", "wrong", time));
    assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_SIGNATURE");
  }

  private static void assertToken(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_TOKEN");
  }
}
