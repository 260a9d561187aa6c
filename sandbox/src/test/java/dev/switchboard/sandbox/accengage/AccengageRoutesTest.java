package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route's shape, rights, and the documented error labels. */
class AccengageRoutesTest extends AccengageFixture {

  @Test
  void meAppsAndAppDetail() {
    start(AccengageSettings.defaults());
    String t = http.token();
    assertThat(AccengageHttp.json(http.get(t, "/v1/me")).get("message").asText())
        .isEqualTo("Welcome " + EMAIL);
    JsonNode apps = AccengageHttp.json(http.get(t, "/v1/me/apps"));
    assertThat(apps.get("apps")).hasSize(2);
    assertThat(apps.get("apps").get(0).get("partnerId").asText()).isEqualTo(APP);
    assertThat(apps.get("apps").get(1).get("partnerId").asText()).isEqualTo(APP2);
    JsonNode first = apps.get("apps").get(0);
    assertThat(first.get("name").asText()).isNotBlank();
    assertThat(first.get("platform").asText()).isIn("ios", "android");
    assertThat(apps.get("links").get("first").asText())
        .isEqualTo(sim.baseUrl() + "/v1/me/apps?page=1");
    assertThat(AccengageHttp.json(http.get(t, app(APP)))).isEqualTo(first);
  }

  @Test
  void messagesListDetailCreateAndSend() {
    start(AccengageSettings.defaults());
    String t = http.token();
    JsonNode page1 = AccengageHttp.json(http.get(t, app(APP) + "/messages"));
    JsonNode messages = page1.get("messages");
    assertThat(messages).hasSize(100);
    JsonNode m0 = messages.get(0);
    assertThat(m0.get("subject").asText()).isNotBlank();
    assertThat(m0.get("text").asText()).isNotBlank();
    assertThat(m0.get("customParams").isArray()).isTrue();
    assertThat(messages.get(1).get("id").asLong()).isEqualTo(m0.get("id").asLong() + 1);
    assertThat(AccengageHttp.json(http.get(t, app(APP) + "/messages/" + m0.get("id").asLong())))
        .isEqualTo(m0);
    assertThat(AccengageHttp.json(http.get(t, app(APP) + "/messages?page=3")).get("messages"))
        .hasSize(50);

    String body =
        "{\"subject\":\"Spring\",\"text\":\"20% off\",\"sound\":\"custom\",\"soundName\":\"chime.caf\","
            + "\"badge\":\"+1\",\"richPushUrl\":\"https://m.example.com/x\",\"richPushOpening\":\"webview\","
            + "\"customParams\":[{\"key\":\"campaign\",\"value\":\"spring\"}],\"popup\":false,\"contentAvailable\":true}";
    HttpResponse<String> created = http.post(t, app(APP) + "/messages", body);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode c = AccengageHttp.json(created);
    assertThat(c.get("id").asLong()).isEqualTo(m0.get("id").asLong() + MESSAGES);
    assertThat(c.get("status").asText()).isEqualTo("draft");
    assertThat(c.get("soundName").asText()).isEqualTo("chime.caf");
    assertThat(AccengageHttp.json(http.get(t, app(APP) + "/messages/" + c.get("id").asLong())))
        .isEqualTo(c);
    assertThat(AccengageHttp.json(http.get(t, app(APP) + "/messages?page=3")).get("messages"))
        .hasSize(51);

    long firstSegment =
        AccengageHttp.json(http.get(t, app(APP) + "/segments"))
            .get("segments")
            .get(0)
            .get("id")
            .asLong();
    HttpResponse<String> sent =
        http.post(
            t,
            app(APP) + "/messages/" + c.get("id").asLong() + "/send",
            "{\"segmentId\":" + firstSegment + ",\"criteria\":{\"country\":\"FR\"}}");
    assertThat(sent.statusCode()).isEqualTo(201);
    assertThat(AccengageHttp.json(sent).get("id").asLong()).isPositive();
    assertThat(AccengageHttp.json(sent).get("targets").asInt()).isEqualTo(2);
    assertThat(AccengageHttp.json(sent).get("messageId").asLong()).isEqualTo(c.get("id").asLong());
  }

  @Test
  void sendValidatesTargetsAndReportsEveryProblem() {
    start(AccengageSettings.defaults());
    String t = http.token();
    String send = app(APP) + "/messages/" + firstMessageId(t) + "/send";
    assertFormatErrors(http.post(t, send, "{}"), 1);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 101; i++) ids.add("\"list-" + i + "\"");
    assertFormatErrors(http.post(t, send, "{\"staticListId\":[" + String.join(",", ids) + "]}"), 1);
    assertFormatErrors(
        http.post(t, send, "{\"segmentId\":1,\"criteria\":{},\"audience\":\"all\"}"), 3);
    ids.remove(0);
    assertThat(
            http.post(t, send, "{\"staticListId\":[" + String.join(",", ids) + "]}").statusCode())
        .isEqualTo(201);
  }

  @Test
  void aBadMessageBodyGetsAllItsFormatErrorsAtOnce() {
    start(AccengageSettings.defaults());
    String t = http.token();
    HttpResponse<String> r = http.post(t, app(APP) + "/messages", "{\"sound\":\"loud\"}");
    assertFormatErrors(r, 3);
    assertThat(r.body()).contains("`subject`", "`text`", "`sound`");
    assertFormatErrors(
        http.post(
            t,
            app(APP) + "/messages",
            "{\"subject\":\"\",\"text\":\"x\",\"badge\":\"++2\",\"richPushOpening\":\"tab\",\"colour\":\"red\"}"),
        5);
    assertFormatErrors(http.post(t, app(APP) + "/messages", "{\"subject\":"), 1);
    restart(AccengageSettings.defaults().withStrictMessageFields(false));
    HttpResponse<String> lax =
        http.post(
            http.token(),
            app(APP) + "/messages",
            "{\"subject\":\"a\",\"text\":\"b\",\"colour\":\"red\"}");
    assertThat(lax.statusCode()).isEqualTo(201);
    assertThat(AccengageHttp.json(lax).has("colour")).isFalse();
  }

  @Test
  void segmentsAndDeviceProfile() {
    start(AccengageSettings.defaults());
    String t = http.token();
    JsonNode segments = AccengageHttp.json(http.get(t, app(APP) + "/segments")).get("segments");
    assertThat(segments).hasSize(30);
    assertThat(segments.get(0).get("name").asText()).isNotBlank();
    assertThat(segments.get(0).get("criteria").isObject()).isTrue();

    String csv = http.get(t, app(APP) + "/devices").body();
    String[] row = csv.split("\n")[1].split(";");
    HttpResponse<String> profile = http.get(t, app(APP) + "/devices/" + row[0]);
    assertThat(profile.statusCode()).isEqualTo(200);
    JsonNode p = AccengageHttp.json(profile);
    assertThat(p.get("deviceId").asText()).isEqualTo(row[0]);
    assertThat(p.get("lastOpen").asText()).isEqualTo(row[1]);
    assertThat(p.get("platform").asText()).isEqualTo(row[2]);
    assertThat(p.get("appVersion").asText()).isEqualTo(row[3]);
    assertThat(p.get("optin").asBoolean()).isEqualTo(row[4].equals("1"));
    assertThat(p.get("country").asText()).isEqualTo(row[5]);
    assertThat(http.get(t, app(APP) + "/devices/" + row[0].toUpperCase()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownMessagesAndDevicesAre404() {
    start(AccengageSettings.defaults());
    String t = http.token();
    for (String path :
        List.of(
            "/messages/1",
            "/messages/abc",
            "/messages/1/send",
            "/devices/nope",
            "/devices/00000000-0000-4000-8000-000000000000")) {
      HttpResponse<String> r =
          path.endsWith("send")
              ? http.post(t, app(APP) + path, "{\"criteria\":{\"a\":1}}")
              : http.get(t, app(APP) + path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_NOT_FOUND");
    }
  }

  @Test
  void anAppTheUserDoesNotManageIsForbidden() {
    start(AccengageSettings.defaults());
    String t = http.token();
    for (String path :
        List.of(
            app(OTHER_APP),
            app(OTHER_APP) + "/messages",
            app(OTHER_APP) + "/devices",
            app("99999999") + "/segments")) {
      HttpResponse<String> r = http.get(t, path);
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_FORBIDDEN");
    }
    assertThat(
            http.post(t, app(OTHER_APP) + "/messages", "{\"subject\":\"a\",\"text\":\"b\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(other.get(other.token(), app(OTHER_APP)).statusCode()).isEqualTo(200);
    assertThat(sim.stats().forbidden()).isEqualTo(5);
  }

  @Test
  void unknownRoutesAreApiErrUnknowRoute() {
    start(AccengageSettings.defaults());
    HttpResponse<String> misspelt =
        http.post(null, "/v1/acess_token", "{\"email\":\"" + EMAIL + "\"}");
    assertThat(misspelt.statusCode()).isEqualTo(404);
    assertThat(AccengageHttp.label(misspelt)).isEqualTo("API_ERR_UNKNOW_ROUTE");
    assertThat(AccengageHttp.json(misspelt).get("errors").get(0).get("message").asText())
        .isEqualTo("Unsupported POST request : /v1/acess_token");
    String t = http.token();
    String time = http.now();
    for (String[] mp :
        new String[][] {
          {"DELETE", "/v1/me"},
          {"GET", "/v1/me/"},
          {"GET", "/v2/me"},
          {"GET", "/v1/me/apps//messages"},
          {"PUT", app(APP)},
          {"GET", "/"}
        }) {
      HttpResponse<String> r =
          http.raw(mp[0], mp[1], null, t, time, AccengageHttp.sha1("", KEY, time));
      assertThat(r.statusCode()).as(mp[0] + " " + mp[1]).isEqualTo(404);
      assertThat(AccengageHttp.label(r)).isEqualTo("API_ERR_UNKNOW_ROUTE");
    }
    assertThat(sim.stats().unknownRoutes()).isEqualTo(7);
  }

  private long firstMessageId(String t) {
    return AccengageHttp.json(http.get(t, app(APP) + "/messages"))
        .get("messages")
        .get(0)
        .get("id")
        .asLong();
  }

  static void assertFormatErrors(HttpResponse<String> r, int count) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode errors = AccengageHttp.json(r).get("errors");
    assertThat(errors).as(r.body()).hasSize(count);
    errors.forEach(e -> assertThat(e.get("label").asText()).isEqualTo("API_ERR_FORMAT"));
  }
}
