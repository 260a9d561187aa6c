package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Counters for tests, the control API, and logs that never carry a secret. */
class AccountsIqStatsTest extends SimulatorFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void countersTrackAuthCallsWritesAndFaults() throws Exception {
    start(AccountsIqSettings.defaults());
    String token = token11();
    soap.login(COMPANY, PARTNER_KEY, "wrong");
    String[] t = soap.tokens(CLIENT_ID, CLIENT_SECRET);
    soap.tokenRefresh(CLIENT_ID, CLIENT_SECRET, t[1]);
    soap.tokenGet(CLIENT_ID, "wrong");
    soap.call11("GetCustomer", token, el("customerCode", "C000001"));
    soap.call11("GetCustomer", "stale", el("customerCode", "C000001"));
    soap.call11(
        "UpdateCustomer",
        token,
        AccountsIqCustomerWritesTest.customer("NEW9", "n", null) + el("create", true));
    soap.call11(
        "GetCustomer",
        token,
        "",
        "x-sandbox-scenario",
        "{\"soapFault\":{\"operation\":\"GetCustomer\"}}");
    AccountsIqStats s = sim.stats();
    assertThat(s.logins(COMPANY)).isEqualTo(1);
    assertThat(s.loginsRefused()).isEqualTo(1);
    assertThat(s.tokenGets(CLIENT_ID)).isEqualTo(1);
    assertThat(s.tokenRefreshes(CLIENT_ID)).isEqualTo(1);
    assertThat(s.tokenRequestsRefused()).isEqualTo(1);
    assertThat(s.calls("GetCustomer")).isEqualTo(3);
    assertThat(s.calls("Login")).isEqualTo(2);
    assertThat(s.writesApplied("UpdateCustomer")).isEqualTo(1);
    assertThat(s.authFailures()).isEqualTo(1);
    assertThat(s.soapFaults()).isEqualTo(1);
    assertThat(s.faultsInjected()).isEqualTo(1);
    assertThat(s.activeLoginTokens()).isEqualTo(1);
    assertThat(s.activeAccessTokens()).isEqualTo(2);

    JsonNode overHttp = JSON.readTree(control("GET", "stats", null).body());
    assertThat(overHttp.get("calls").get("GetCustomer").asLong()).isEqualTo(3);
    assertThat(overHttp.get("logins").get(COMPANY).asLong()).isEqualTo(1);
    assertThat(overHttp.toString())
        .doesNotContain(PARTNER_KEY)
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(token);
  }

  @Test
  void scenariosAndTokenExpiryOverHttp() throws Exception {
    start(AccountsIqSettings.defaults());
    HttpResponse<String> put =
        control(
            "PUT",
            "scenarios/" + CLIENT_ID,
            "{\"unknownErrorCode\":{\"operation\":\"GetCustomer\",\"code\":\"BRAND_NEW\"}}");
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(sim.scenario(CLIENT_ID).unknownErrorCode().times()).isEqualTo(1);
    String access = access20();
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(
                    soap.call20("GetCustomer", COMPANY, access, el("customerCode", "C000001")),
                    "GetCustomer"),
                "ErrorCode"))
        .isEqualTo("BRAND_NEW");
    assertThat(
            JSON.readTree(control("GET", "scenarios/" + CLIENT_ID, null).body())
                .get("unknownErrorCode")
                .get("code")
                .asText())
        .isEqualTo("BRAND_NEW");
    assertThat(control("DELETE", "scenarios/" + CLIENT_ID, null).statusCode()).isEqualTo(204);
    assertThat(sim.scenario(CLIENT_ID)).isEqualTo(AccountsIqScenario.none());
    assertThat(control("PUT", "scenarios/nobody", "{}").statusCode()).isEqualTo(404);
    assertThat(control("PUT", "scenarios/" + COMPANY, "{\"latencyMs\":").statusCode())
        .isEqualTo(400);
    assertThat(control("PUT", "scenarios/" + COMPANY, "{\"customerCount\":-1}").statusCode())
        .isEqualTo(400);
    assertThat(control("POST", "tokens/expire", null).statusCode()).isEqualTo(200);
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(
                    soap.call20("GetCustomer", COMPANY, access, el("customerCode", "C000001")),
                    "GetCustomer"),
                "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_EXPIRED");
  }

  @Test
  void logsNeverContainKeysSecretsOrTokens() {
    Logger log = (Logger) LoggerFactory.getLogger("dev.switchboard.sandbox.accountsiq");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    log.addAppender(captured);
    try {
      start(AccountsIqSettings.defaults());
      String token = token11();
      String[] t = soap.tokens(CLIENT_ID, CLIENT_SECRET);
      soap.tokenRefresh(CLIENT_ID, CLIENT_SECRET, t[1]);
      soap.call11("GetCustomer", token, el("customerCode", "C000001"));
      soap.call20("GetCustomer", COMPANY, t[0], el("customerCode", "C000001"));
      soap.login(COMPANY, PARTNER_KEY, "wrong-" + USER_KEY);
      await(sim.close()); // end handlers have run once the server is closed
      sim = null;
      assertThat(captured.list).hasSizeGreaterThanOrEqualTo(6);
      for (ILoggingEvent e : captured.list) {
        assertThat(e.getFormattedMessage())
            .doesNotContain(PARTNER_KEY)
            .doesNotContain(USER_KEY)
            .doesNotContain(CLIENT_SECRET)
            .doesNotContain(token)
            .doesNotContain(t[0])
            .doesNotContain(t[1]);
      }
      assertThat(captured.list)
          .anySatisfy(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains("tenant=ACME01")
                      .contains("token=#"));
    } finally {
      log.detachAppender(captured);
    }
    String printed = config(AccountsIqSettings.defaults()).toString();
    assertThat(printed)
        .contains(COMPANY)
        .doesNotContain(PARTNER_KEY)
        .doesNotContain(USER_KEY)
        .doesNotContain(CLIENT_SECRET);
  }

  private HttpResponse<String> control(String method, String path, String body) {
    return soap.send(
        HttpRequest.newBuilder(URI.create(sim.controlUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
