package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.accengage.AccengageSettings.ExpectContinueMode;
import dev.switchboard.sandbox.accengage.AccengageSettings.UnknownEmailMode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signature verification on every request (provider-apis.md §3.2) and the load balancer's Expect
 * rule.
 */
class AccengageSignatureTest extends AccengageFixture {
  private static final String VENDOR_EMAIL = "mymail@client.com";
  private static final String VENDOR_KEY = "a1b2c3d4e5f6g7h8";
  private static final String VENDOR_TIME = "1507722391";
  private static final String VENDOR_BODY = "{\"email\":\"mymail@client.com\"}";

  @Test
  void vendorTestVectorsVerify() {
    assertThat(AccengageHttp.sha1(VENDOR_BODY, VENDOR_KEY, VENDOR_TIME))
        .isEqualTo("f974f730586ce2bf49a276845060a8d38bb43770");
    assertThat(AccengageHttp.sha1("", VENDOR_KEY, VENDOR_TIME))
        .isEqualTo("ba04fc7206950ce63d78ddbc9e65c48fb96e54d7");
    Clock fixed = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(VENDOR_TIME)), ZoneOffset.UTC);
    start(
        AccengageConfig.defaults()
            .withUser(AccengageUser.of(VENDOR_EMAIL, VENDOR_KEY, 1, "12345678")),
        fixed);

    HttpResponse<String> login =
        http.raw(
            "POST",
            "/v1/access_token",
            VENDOR_BODY,
            null,
            VENDOR_TIME,
            "f974f730586ce2bf49a276845060a8d38bb43770",
            "Content-Type",
            "application/json");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(AccengageHttp.json(login).get("token_type").asText()).isEqualTo("Bearer");
    String token = AccengageHttp.json(login).get("access_token").asText();
    assertThat(token).isNotBlank();

    HttpResponse<String> me =
        http.raw(
            "GET", "/v1/me", null, token, VENDOR_TIME, "ba04fc7206950ce63d78ddbc9e65c48fb96e54d7");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(AccengageHttp.json(me).get("message").asText()).isEqualTo("Welcome " + VENDOR_EMAIL);
  }

  @Test
  void uppercaseHexIsAcceptedAndAWrongSignatureIsNot() {
    start(AccengageSettings.defaults());
    String token = http.token();
    String time = http.now();
    String good = AccengageHttp.sha1("", KEY, time);
    assertThat(
            http.raw("GET", "/v1/me", null, token, time, good.toUpperCase(Locale.ROOT))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> wrongKey =
        http.raw("GET", "/v1/me", null, token, time, AccengageHttp.sha1("", OTHER_KEY, time));
    assertThat(wrongKey.statusCode()).isEqualTo(400);
    assertThat(AccengageHttp.label(wrongKey)).isEqualTo("API_ERR_SIGNATURE");
    // Another user's token with this user's key: the token names whose key must have signed.
    String otherToken = other.token();
    assertThat(http.raw("GET", "/v1/me", null, otherToken, time, good).statusCode()).isEqualTo(400);
    assertThat(sim.stats().signatureFailures()).isEqualTo(2);
  }

  @Test
  void theSignatureCoversTheExactBodyBytes() {
    start(AccengageSettings.defaults());
    String token = http.token();
    String time = http.now();
    String sent = "{\"subject\":\"Hi\",\"text\":\"there\"}";
    String signedButNotSent = "{\"subject\": \"Hi\", \"text\": \"there\"}";
    HttpResponse<String> r =
        http.raw(
            "POST",
            app(APP) + "/messages",
            sent,
            token,
            time,
            AccengageHttp.sha1(signedButNotSent, KEY, time),
            "Content-Type",
            "application/json");
    assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_SIGNATURE");
    // A GET signed as if it had a body (the public Python client's paging bug) is refused too.
    assertThat(
            http.raw("GET", "/v1/me", null, token, time, AccengageHttp.sha1("{}", KEY, time))
                .statusCode())
        .isEqualTo(400);
    assertThat(http.post(token, app(APP) + "/messages", signedButNotSent).statusCode())
        .isEqualTo(201);
  }

  @Test
  void missingEmptyOrMalformedSigningHeadersAreSignatureErrors() {
    start(AccengageSettings.defaults());
    String token = http.token();
    String time = http.now();
    String sig = AccengageHttp.sha1("", KEY, time);
    for (String[] h :
        new String[][] {
          {null, sig}, {time, null}, {"", sig}, {time, ""}, {"17e8", sig}, {time, "xyz"}
        }) {
      HttpResponse<String> r = http.raw("GET", "/v1/me", null, token, h[0], h[1]);
      assertThat(r.statusCode()).as("time=%s sig=%s", h[0], h[1]).isEqualTo(400);
      assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_SIGNATURE");
    }
    // The token call is verified too.
    HttpResponse<String> unsignedLogin =
        http.raw(
            "POST",
            "/v1/access_token",
            "{\"email\":\"" + EMAIL + "\"}",
            null,
            null,
            null,
            "Content-Type",
            "application/json");
    assertThat(AccengageHttp.label(unsignedLogin)).isEqualTo("API_ERR_SIGNATURE");
    HttpResponse<String> badLogin =
        http.raw(
            "POST",
            "/v1/access_token",
            "{\"email\":\"" + EMAIL + "\"}",
            null,
            time,
            AccengageHttp.sha1("{}", KEY, time),
            "Content-Type",
            "application/json");
    assertThat(AccengageHttp.label(badLogin)).isEqualTo("API_ERR_SIGNATURE");
    assertThat(sim.stats().signatureFailures()).isEqualTo(8);
    assertThat(sim.stats().tokensIssued(EMAIL)).isEqualTo(1);
  }

  @Test
  void aTimeOutsideTheWindowIsRejected() {
    start(AccengageSettings.defaults());
    String token = http.token();
    long now = clock.instant().getEpochSecond();
    for (long skew : new long[] {-300, 300}) {
      String t = String.valueOf(now + skew);
      assertThat(
              http.raw("GET", "/v1/me", null, token, t, AccengageHttp.sha1("", KEY, t))
                  .statusCode())
          .isEqualTo(200);
    }
    for (long skew : new long[] {-301, 301, -3600}) {
      String t = String.valueOf(now + skew);
      HttpResponse<String> r =
          http.raw("GET", "/v1/me", null, token, t, AccengageHttp.sha1("", KEY, t));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_SIGNATURE");
    }
    restart(AccengageSettings.defaults().withMaxClockSkew(Duration.ofHours(15)));
    String t = String.valueOf(now - 3600 * 2); // "local time" two hours off UTC
    assertThat(
            http.raw("GET", "/v1/me", null, http.token(), t, AccengageHttp.sha1("", KEY, t))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void expectContinueIsRejectedLikeTheLoadBalancerBeforeTheApiSeesIt() throws Exception {
    start(AccengageSettings.defaults());
    String token = http.token();
    String body = "{\"subject\":\"Hi\",\"text\":\"there\"}";
    try (RawHttp raw = new RawHttp(sim.port())) {
      raw.write(expectContinueHead(app(APP) + "/messages", body, token, KEY));
      String head = raw.readHead(2_000);
      assertThat(head).startsWith("HTTP/1.1 417 ").contains("text/html");
      assertThat(raw.closedByServer())
          .as("connection closed, the held-back body is never read")
          .isTrue();
    }
    assertThat(sim.stats().expectContinueRejected()).isEqualTo(1);
    assertThat(sim.stats().requests("POST /v1/me/apps/{partnerId}/messages")).isZero();
    assertThat(http.post(token, app(APP) + "/messages", body).statusCode())
        .as("server still fine")
        .isEqualTo(201);
  }

  @Test
  void expectContinueModesHonourAndNeverContinue() throws Exception {
    String body = "{\"email\":\"" + EMAIL + "\"}";
    start(AccengageSettings.defaults().withExpectContinue(ExpectContinueMode.HONOUR));
    try (RawHttp raw = new RawHttp(sim.port())) {
      raw.write(expectContinueHead("/v1/access_token", body, null, KEY));
      assertThat(raw.readHead(2_000)).startsWith("HTTP/1.1 100 Continue");
      raw.write(body);
      assertThat(raw.readHead(2_000)).startsWith("HTTP/1.1 200 ");
    }
    // Literal reading: no 100 ever comes; a client that waits for it waits (curl gives up after 1
    // s).
    restart(AccengageSettings.defaults().withExpectContinue(ExpectContinueMode.NEVER_CONTINUE));
    try (RawHttp raw = new RawHttp(sim.port())) {
      raw.write(expectContinueHead("/v1/access_token", body, null, KEY));
      assertThat(raw.readHead(300)).as("no interim response").isNull();
      raw.write(body);
      assertThat(raw.readHead(2_000)).startsWith("HTTP/1.1 200 ");
    }
    assertThat(sim.stats().tokensIssued(EMAIL)).isEqualTo(1);
  }

  private String expectContinueHead(String path, String body, String token, String key) {
    String time = http.now();
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + sim.port()
        + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: "
        + body.length()
        + "\r\n"
        + "Expect: 100-continue\r\nAccengage-Time: "
        + time
        + "\r\n"
        + "Accengage-Signature: "
        + AccengageHttp.sha1(body, key, time)
        + "\r\n"
        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
        + "\r\n";
  }

  @Test
  void tokenCallRefusesUnknownEmailsAndMalformedBodies() {
    start(AccengageSettings.defaults());
    AccengageHttp stranger = new AccengageHttp(sim, "nobody@brand.example", KEY, clock);
    HttpResponse<String> r = stranger.login();
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_FORBIDDEN");
    for (String body : new String[] {"{\"email\":", "[]", "{}", "{\"email\":42}", ""}) {
      HttpResponse<String> bad = http.post(null, "/v1/access_token", body);
      assertThat(bad.statusCode()).as(body).isEqualTo(400);
      assertThat(AccengageHttp.label(bad)).isEqualTo("API_ERR_FORMAT");
    }
    String time = http.now();
    String body = "{\"email\":\"" + EMAIL + "\"}";
    HttpResponse<String> noType =
        http.raw("POST", "/v1/access_token", body, null, time, AccengageHttp.sha1(body, KEY, time));
    assertThat(AccengageHttp.json(noType).get("errors").get(0).get("message").asText())
        .contains("Content-Type");

    restart(AccengageSettings.defaults().withUnknownEmail(UnknownEmailMode.SIGNATURE_400));
    assertThat(
            AccengageHttp.label(new AccengageHttp(sim, "nobody@brand.example", KEY, clock).login()))
        .isEqualTo("API_ERR_SIGNATURE");
    restart(AccengageSettings.defaults().withRequireJsonContentType(false));
    assertThat(
            http.raw(
                    "POST",
                    "/v1/access_token",
                    body,
                    null,
                    time,
                    AccengageHttp.sha1(body, KEY, time))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void signaturesSeenAreRecordedPerRouteWithTheirOutcome() {
    start(AccengageSettings.defaults());
    String token = http.token();
    String t1 = http.now();
    http.raw("GET", "/v1/me", null, token, t1, AccengageHttp.sha1("", KEY, t1));
    http.raw(
        "GET",
        "/v1/me",
        null,
        token,
        t1,
        AccengageHttp.sha1("", KEY, t1)); // same pair: distinct once
    clock.advance(Duration.ofSeconds(2));
    String t2 = http.now();
    http.raw("GET", "/v1/me", null, token, t2, AccengageHttp.sha1("", OTHER_KEY, t2));
    var seen = sim.stats().signatures("GET /v1/me");
    assertThat(seen)
        .containsExactly(
            new AccengageStats.SignatureSeen(t1, AccengageHttp.sha1("", KEY, t1), true),
            new AccengageStats.SignatureSeen(t2, AccengageHttp.sha1("", OTHER_KEY, t2), false));
    assertThat(sim.stats().signatures("POST /v1/access_token"))
        .hasSize(1)
        .allMatch(AccengageStats.SignatureSeen::verified);
    assertThat(Map.copyOf(sim.stats().signatures())).doesNotContainKey("GET /v1/me/apps");
  }
}
