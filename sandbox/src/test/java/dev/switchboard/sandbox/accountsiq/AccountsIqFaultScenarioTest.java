package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Scenarios are data: per tenant and per request (x-sandbox-scenario). */
class AccountsIqFaultScenarioTest extends SimulatorFixture {
  private static final String CUSTOMER = el("customerCode", "C000001");

  @Test
  void unknownErrorCodeTestsTheUnrecognisedFallback() {
    start(AccountsIqSettings.defaults());
    sim.setScenario(CLIENT_ID, AccountsIqScenario.none().withUnknownErrorCode("GetCustomer", null));
    String access = access20();
    Element r = result20(access, CUSTOMER);
    assertThat(AccountsIqSoap.text(r, "Status")).isEqualTo("Failure");
    assertThat(AccountsIqSoap.text(r, "ErrorCode")).isEqualTo("SOMETHING_NEW_2027");
    assertThat(AccountsIqSoap.text(r, "HasExpired")).isEqualTo("false");
    assertThat(AccountsIqSoap.text(result20(access, CUSTOMER), "Status"))
        .as("times defaults to 1")
        .isEqualTo("Success");
  }

  @Test
  void soapFaultIsHttp500SoapServerTheFirstNTimes() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    String header = "{\"soapFault\":{\"operation\":\"GetCustomer\",\"times\":2}}";
    for (int i = 0; i < 2; i++) {
      AccountsIqEnvelopeTest.assertFault(
          soap.call11("GetCustomer", token, CUSTOMER, "x-sandbox-scenario", header),
          "soap:Server",
          "Server was unable to process request");
    }
    assertThat(
            soap.call11("GetCustomer", token, CUSTOMER, "x-sandbox-scenario", header).statusCode())
        .isEqualTo(200);
    assertThat(sim.stats().faultsInjected()).isEqualTo(2);
  }

  @Test
  void xxePayloadMustBeRefusedByTheClient() throws Exception {
    start(AccountsIqSettings.defaults());
    String token = token11();
    HttpResponse<String> r =
        soap.call11(
            "GetCustomer",
            token,
            CUSTOMER,
            "x-sandbox-scenario",
            "{\"xxePayload\":{\"operation\":\"GetCustomer\"}}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<!DOCTYPE")
        .contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">")
        .contains("&xxe;");
    assertThatThrownBy(() -> AccountsIqSoap.xml(r.body()))
        .as("a hardened DOM parser refuses it")
        .isInstanceOf(AssertionError.class);
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader x =
        f.createXMLStreamReader(
            new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(
            () -> {
              while (x.hasNext()) x.next();
            })
        .as("a hardened StAX parser refuses it")
        .hasMessageContaining("xxe");
  }

  @Test
  void rateLimitAnswersInBandThenRecovers() {
    start(AccountsIqSettings.defaults());
    sim.setScenario(CLIENT_ID, AccountsIqScenario.none().withRateLimit(2));
    String access = access20();
    for (int i = 0; i < 2; i++) {
      Element r = result20(access, CUSTOMER);
      assertThat(AccountsIqSoap.text(r, "Status")).isEqualTo("Failure");
      assertThat(AccountsIqSoap.text(r, "ErrorCode"))
          .isEqualTo("OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED");
    }
    assertThat(AccountsIqSoap.text(result20(access, CUSTOMER), "Status")).isEqualTo("Success");
    assertThat(sim.stats().tokenGets(CLIENT_ID))
        .as("token requests are never throttled")
        .isEqualTo(1);
  }

  @Test
  void expireTokenAfterCallsOnBothEndpoints() {
    start(AccountsIqSettings.defaults());
    sim.setScenario(CLIENT_ID, AccountsIqScenario.none().withExpireTokenAfterCalls(2));
    String[] t = soap.tokens(CLIENT_ID, CLIENT_SECRET);
    assertThat(AccountsIqSoap.text(result20(t[0], CUSTOMER), "Status")).isEqualTo("Success");
    assertThat(AccountsIqSoap.text(result20(t[0], CUSTOMER), "Status")).isEqualTo("Success");
    Element expired = result20(t[0], CUSTOMER);
    assertThat(AccountsIqSoap.text(expired, "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_EXPIRED");
    assertThat(AccountsIqSoap.text(expired, "HasExpired")).isEqualTo("true");
    String fresh =
        AccountsIqSoap.text(
            AccountsIqSoap.child(
                AccountsIqSoap.result(
                    soap.tokenRefresh(CLIENT_ID, CLIENT_SECRET, t[1]), "TokenRefresh"),
                "Result"),
            "AccessToken");
    assertThat(AccountsIqSoap.text(result20(fresh, CUSTOMER), "Status")).isEqualTo("Success");

    sim.setScenario(COMPANY, AccountsIqScenario.none().withExpireTokenAfterCalls(1));
    String token = token11();
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"),
                "Status"))
        .isEqualTo("Success");
    AccountsIqLoginTest.assertExpired(
        AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"));
  }

  @Test
  void refuseCredentialsAndHeaderOverridesOnlyItsMembers() {
    start(AccountsIqSettings.defaults());
    sim.setScenario(
        COMPANY,
        AccountsIqScenario.none()
            .withRefuseCredentials(true)
            .withUnknownErrorCode("*", "NEW_CODE"));
    assertThat(
            AccountsIqSoap.names(AccountsIqSoap.body(soap.login(COMPANY, PARTNER_KEY, USER_KEY))))
        .isEmpty();
    HttpResponse<String> ok =
        soap.login(
            COMPANY, PARTNER_KEY, USER_KEY, "x-sandbox-scenario", "{\"refuseCredentials\":false}");
    String t = AccountsIqSoap.text(AccountsIqSoap.body(ok), "LoginResult");
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(soap.call11("GetCustomer", t, CUSTOMER), "GetCustomer"),
                "ErrorCode"))
        .as("tenant's unknownErrorCode still applies")
        .isEqualTo("NEW_CODE");
    assertThat(
            soap.call11("GetCustomer", t, CUSTOMER, "x-sandbox-scenario", "{\"nope\":1}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void latencyUsesTimersAndNeverBlocksTheEventLoop() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    long t0 = System.nanoTime();
    soap.call11("GetCustomer", token, CUSTOMER, "x-sandbox-scenario", "{\"latencyMs\":150}");
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(150);
    String access = access20();
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(
            () ->
                soap.call11(
                    "GetCustomerList",
                    token,
                    "",
                    "x-sandbox-scenario",
                    "{\"slowOperation\":{\"operation\":\"GetCustomerList\",\"latencyMs\":800}}"));
    assertThat(AccountsIqSoap.text(result20(access, CUSTOMER), "Status")).isEqualTo("Success");
    assertThat(slow).as("the slow call is still waiting").isNotDone();
    assertThat(slow.join().statusCode()).isEqualTo(200);
  }

  private Element result20(String access, String inner) {
    return AccountsIqSoap.result(soap.call20("GetCustomer", COMPANY, access, inner), "GetCustomer");
  }
}
