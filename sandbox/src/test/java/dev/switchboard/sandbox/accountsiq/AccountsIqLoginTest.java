package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** 1.1 authentication (provider-apis.md §1.3): Login, the body token, the 20-minute lifetime. */
class AccountsIqLoginTest extends SimulatorFixture {
  private static final String CUSTOMER = el("customerCode", "C000001");

  @Test
  void loginReturnsAnOpaqueSessionToken() {
    start(AccountsIqSettings.defaults());
    HttpResponse<String> r = soap.login(COMPANY, PARTNER_KEY, USER_KEY);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
    Element resp = AccountsIqSoap.body(r);
    assertThat(resp.getLocalName()).isEqualTo("LoginResponse");
    assertThat(resp.getNamespaceURI()).isEqualTo(AccountsIqSoap.NS);
    assertThat(AccountsIqSoap.names(resp)).containsExactly("LoginResult");
    String token = AccountsIqSoap.text(resp, "LoginResult");
    assertThat(token).hasSizeGreaterThan(20).doesNotContain(PARTNER_KEY).doesNotContain(USER_KEY);
    assertThat(token11()).isNotEqualTo(token);
    assertThat(sim.stats().logins(COMPANY)).isEqualTo(2);
  }

  @Test
  void badCredentialsGetAnEmptyLoginResponseByDefault() {
    start(AccountsIqSettings.defaults());
    for (HttpResponse<String> r :
        new HttpResponse[] {
          soap.login(COMPANY, PARTNER_KEY, "wrong"), soap.login(COMPANY, "wrong", USER_KEY),
          soap.login("NOPE01", PARTNER_KEY, USER_KEY),
              soap.login(COMPANY, PARTNER_KEY, USER_KEY + " ")
        }) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(AccountsIqSoap.body(r).getLocalName()).isEqualTo("LoginResponse");
      assertThat(AccountsIqSoap.names(AccountsIqSoap.body(r))).isEmpty();
    }
    assertThat(sim.stats().loginsRefused()).isEqualTo(4);
    assertThat(sim.stats().logins(COMPANY)).isZero();
  }

  @Test
  void loginRefusalModesAreSettings() {
    start(
        AccountsIqSettings.defaults()
            .withLoginFailure(AccountsIqSettings.LoginFailure.EMPTY_RESULT));
    Element resp = AccountsIqSoap.body(soap.login(COMPANY, PARTNER_KEY, "wrong"));
    assertThat(AccountsIqSoap.text(resp, "LoginResult")).isEmpty();
    await(sim.close());
    start(
        AccountsIqSettings.defaults().withLoginFailure(AccountsIqSettings.LoginFailure.SOAP_FAULT));
    HttpResponse<String> r = soap.login(COMPANY, PARTNER_KEY, "wrong");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("<faultcode>soap:Server</faultcode>");
  }

  @Test
  void everyOtherOperationNeedsTheTokenAsFirstBodyChild() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"),
                "Status"))
        .isEqualTo("Success");
    for (String bad : new String[] {null, "", "not-a-token"}) {
      HttpResponse<String> r = soap.call11("GetCustomer", bad, CUSTOMER);
      assertThat(r.statusCode()).isEqualTo(200);
      assertExpired(AccountsIqSoap.result(r, "GetCustomer"));
    }
    // A token in no namespace is invisible to XmlSerializer, hence absent.
    HttpResponse<String> unqualified =
        soap.post(
            sim.endpoint11(),
            "GetCustomer",
            AccountsIqSoap.envelope(
                null,
                AccountsIqSoap.op(
                    "GetCustomer", "<token xmlns=\"\">" + token + "</token>" + CUSTOMER)));
    assertExpired(AccountsIqSoap.result(unqualified, "GetCustomer"));
    assertThat(sim.stats().authFailures()).isEqualTo(4);
  }

  @Test
  void tokenLivesTwentyMinutesFromLoginByDefault() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    clock.advance(Duration.ofMinutes(19));
    assertThat(status(token)).isEqualTo("Success");
    clock.advance(Duration.ofSeconds(59));
    assertThat(status(token)).isEqualTo("Success");
    clock.advance(Duration.ofSeconds(1));
    assertExpired(
        AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"));
    assertThat(status(token11())).as("a new Login works").isEqualTo("Success");
  }

  @Test
  void idleExpiryIsASetting() {
    start(
        AccountsIqSettings.defaults()
            .withLoginTokenExpiry(AccountsIqSettings.TokenExpiry.IDLE)
            .withLoginTokenTtl(Duration.ofMinutes(5)));
    String token = token11();
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofMinutes(4));
      assertThat(status(token)).as("kept alive by use").isEqualTo("Success");
    }
    clock.advance(Duration.ofMinutes(5));
    assertExpired(
        AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"));
  }

  @Test
  void expireAllTokensIsTheTestHook() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    sim.expireAllTokens();
    assertExpired(
        AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"));
    assertThat(sim.stats().activeLoginTokens()).isZero();
  }

  @Test
  void expiredSessionErrorCodeIsASetting() {
    start(AccountsIqSettings.defaults().withExpiredSessionErrorCode("SUPPRESS_EXCEPTION"));
    Element r = AccountsIqSoap.result(soap.call11("GetCustomer", "stale", CUSTOMER), "GetCustomer");
    assertThat(AccountsIqSoap.text(r, "ErrorCode")).isEqualTo("SUPPRESS_EXCEPTION");
  }

  @Test
  void a20TokenIsNoGoodOn11AndLoginIsNotServedOn20() {
    start(AccountsIqSettings.defaults());
    assertExpired(
        AccountsIqSoap.result(soap.call11("GetCustomer", access20(), CUSTOMER), "GetCustomer"));
    HttpResponse<String> r =
        soap.post(
            sim.endpoint20(),
            "Login",
            AccountsIqSoap.envelope(
                null,
                AccountsIqSoap.op(
                    "Login",
                    el("companyID", COMPANY)
                        + el("partnerKey", PARTNER_KEY)
                        + el("userKey", USER_KEY))));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body())
        .contains("soap:Client")
        .contains("did not recognize the value of HTTP Header SOAPAction");
  }

  @Test
  void theDemoConfigServesBothEndpoints() {
    start(AccountsIqConfig.demo());
    String token =
        soap.token(
            AccountsIqConfig.DEMO_COMPANY_ID,
            AccountsIqConfig.DEMO_PARTNER_KEY,
            AccountsIqConfig.DEMO_USER_KEY);
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"),
                "Status"))
        .isEqualTo("Success");
    String access =
        soap.tokens(AccountsIqConfig.DEMO_CLIENT_ID, AccountsIqConfig.DEMO_CLIENT_SECRET)[0];
    Element r =
        AccountsIqSoap.result(
            soap.call20("GetCustomer", AccountsIqConfig.DEMO_COMPANY_ID, access, CUSTOMER),
            "GetCustomer");
    assertThat(AccountsIqSoap.text(r, "Status")).isEqualTo("Success");
    assertThat(sim.endpoint11())
        .isEqualTo(
            "http://127.0.0.1:"
                + sim.port()
                + "/system/dashboard/integration/integration_1_1.asmx");
    assertThat(sim.endpoint20()).endsWith("/system/dashboard/integration/integration_2_0.asmx");
  }

  /** ASSUMPTION (§1.5): Failure, UNKNOWN, "Session has expired", HasExpired=true, no Result. */
  static void assertExpired(Element result) {
    assertThat(AccountsIqSoap.names(result))
        .containsExactly("Status", "ErrorCode", "ErrorMessage", "HasExpired");
    assertThat(AccountsIqSoap.text(result, "Status")).isEqualTo("Failure");
    assertThat(AccountsIqSoap.text(result, "ErrorCode")).isEqualTo("UNKNOWN");
    assertThat(AccountsIqSoap.text(result, "ErrorMessage")).isEqualTo("Session has expired");
    assertThat(AccountsIqSoap.text(result, "HasExpired")).isEqualTo("true");
  }

  private String status(String token) {
    return AccountsIqSoap.text(
        AccountsIqSoap.result(soap.call11("GetCustomer", token, CUSTOMER), "GetCustomer"),
        "Status");
  }
}
