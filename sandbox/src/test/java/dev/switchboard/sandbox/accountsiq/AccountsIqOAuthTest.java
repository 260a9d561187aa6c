package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** 2.0 authentication (provider-apis.md §1.4): TokenGet, TokenRefresh, AiqSoapHeader. */
class AccountsIqOAuthTest extends SimulatorFixture {
  private static final String CUSTOMER = el("customerCode", "C000001");

  @Test
  void tokenGetReturnsWsResult3WithoutHasExpired() {
    start(AccountsIqSettings.defaults());
    Element result = AccountsIqSoap.result(soap.tokenGet(CLIENT_ID, CLIENT_SECRET), "TokenGet");
    assertThat(AccountsIqSoap.names(result)).containsExactly("Result", "Status", "ErrorCode");
    assertThat(AccountsIqSoap.names(AccountsIqSoap.child(result, "Result")))
        .containsExactly("AccessToken", "RefreshToken");
    assertThat(AccountsIqSoap.text(result, "Status")).isEqualTo("Success");
    assertThat(AccountsIqSoap.text(result, "ErrorCode")).isEqualTo("SUCCESS");
    assertThat(sim.stats().tokenGets(CLIENT_ID)).isEqualTo(1);
  }

  @Test
  void tokenGetRefusals() {
    start(AccountsIqSettings.defaults());
    assertThat(code(soap.tokenGet(CLIENT_ID, "wrong"), "TokenGet"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_APP_NOT_FOUND");
    assertThat(code(soap.tokenGet("nobody", CLIENT_SECRET), "TokenGet"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_APP_NOT_FOUND");
    assertThat(code(soap.tokenGet("", CLIENT_SECRET), "TokenGet"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_CLIENTID_IS_NULL_OR_EMPTY");
    assertThat(code(soap.tokenGet(CLIENT_ID, null), "TokenGet"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_CLIENTSECRET_IS_NULL_OR_EMPTY");
    Element refused = AccountsIqSoap.result(soap.tokenGet(CLIENT_ID, "wrong"), "TokenGet");
    assertThat(AccountsIqSoap.names(refused))
        .containsExactly("Status", "ErrorCode", "ErrorMessage");
    assertThat(AccountsIqSoap.text(refused, "Status")).isEqualTo("Failure");
    assertThat(sim.stats().tokenRequestsRefused()).isEqualTo(5);
    await(sim.close());
    start(
        config(
            AccountsIqSettings.defaults()
                .withWrongClientSecretErrorCode("OAUTHCONFIGURATION_INVALID_TOKEN")));
    assertThat(code(soap.tokenGet(CLIENT_ID, "wrong"), "TokenGet"))
        .isEqualTo("OAUTHCONFIGURATION_INVALID_TOKEN");
  }

  @Test
  void refreshRotatesBothTokensAndARefreshTokenWorksOnce() {
    start(AccountsIqSettings.defaults());
    String[] first = soap.tokens(CLIENT_ID, CLIENT_SECRET);
    Element r =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.tokenRefresh(CLIENT_ID, CLIENT_SECRET, first[1]), "TokenRefresh"),
            "Result");
    String access2 = AccountsIqSoap.text(r, "AccessToken");
    String refresh2 = AccountsIqSoap.text(r, "RefreshToken");
    assertThat(access2).isNotEqualTo(first[0]);
    assertThat(refresh2).isNotEqualTo(first[1]);
    assertThat(status20(access2)).isEqualTo("Success");
    assertThat(code(soap.tokenRefresh(CLIENT_ID, CLIENT_SECRET, first[1]), "TokenRefresh"))
        .as("single use")
        .isEqualTo("OAUTH_INTEGRATION_APPS_REFRESH_TOKEN_EXPIRED");
    assertThat(code(soap.tokenRefresh("other-app", "other-secret", refresh2), "TokenRefresh"))
        .as("another app's refresh token")
        .isEqualTo("OAUTH_INTEGRATION_APPS_REFRESH_TOKEN_EXPIRED");
    assertThat(sim.stats().tokenRefreshes(CLIENT_ID)).isEqualTo(1);
  }

  @Test
  void accessTokenLivesSixtyMinutesAndRefreshTokenThirtyDays() {
    start(AccountsIqSettings.defaults());
    String[] t = soap.tokens(CLIENT_ID, CLIENT_SECRET);
    clock.advance(Duration.ofMinutes(59));
    assertThat(status20(t[0])).isEqualTo("Success");
    clock.advance(Duration.ofMinutes(1));
    Element expired = result20(t[0], COMPANY);
    assertThat(AccountsIqSoap.text(expired, "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_EXPIRED");
    assertThat(AccountsIqSoap.text(expired, "HasExpired")).isEqualTo("true");
    assertThat(AccountsIqSoap.child(expired, "Result")).isNull();
    clock.advance(Duration.ofDays(30));
    assertThat(code(soap.tokenRefresh(CLIENT_ID, CLIENT_SECRET, t[1]), "TokenRefresh"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_REFRESH_TOKEN_EXPIRED");
    assertThat(status20(soap.tokens(CLIENT_ID, CLIENT_SECRET)[0]))
        .as("TokenGet again")
        .isEqualTo("Success");
  }

  @Test
  void expireAllTokensExpiresAccessButNotRefreshTokens() {
    start(AccountsIqSettings.defaults());
    String[] t = soap.tokens(CLIENT_ID, CLIENT_SECRET);
    sim.expireAllTokens();
    assertThat(AccountsIqSoap.text(result20(t[0], COMPANY), "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_EXPIRED");
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(
                    soap.tokenRefresh(CLIENT_ID, CLIENT_SECRET, t[1]), "TokenRefresh"),
                "Status"))
        .isEqualTo("Success");
  }

  @Test
  void theHeaderIsRequiredAndTheBodyTokenIgnored() {
    start(AccountsIqSettings.defaults());
    String access = access20();
    HttpResponse<String> noHeader =
        soap.post(
            sim.endpoint20(),
            "GetCustomer",
            AccountsIqSoap.envelope(
                null, AccountsIqSoap.op("GetCustomer", el("token", access) + CUSTOMER)));
    assertThat(noHeader.statusCode()).isEqualTo(200);
    assertThat(AccountsIqSoap.text(AccountsIqSoap.result(noHeader, "GetCustomer"), "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_NOT_PROVIDED_IN_AUTHORIZATION_HEADER");
    assertThat(AccountsIqSoap.text(result20("forged", COMPANY), "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_IS_INVALID");
    assertThat(AccountsIqSoap.text(result20("forged", COMPANY), "HasExpired")).isEqualTo("false");
    assertThat(AccountsIqSoap.text(result20(access, null), "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_NO_ENTITY_PROVIDED_IN_HEADER");
    assertThat(AccountsIqSoap.text(result20(access, "NOPE99"), "ErrorCode"))
        .isEqualTo("API_LAYER_ENTITY_ID_NOT_FOUND");
    assertThat(AccountsIqSoap.text(result20(access, OTHER_ENTITY), "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_DOES_NOT_HAVE_PERMISSION");
    HttpResponse<String> withBodyToken =
        soap.call20("GetCustomer", COMPANY, access, el("token", "garbage") + CUSTOMER);
    assertThat(AccountsIqSoap.text(AccountsIqSoap.result(withBodyToken, "GetCustomer"), "Status"))
        .isEqualTo("Success");
  }

  @Test
  void aReadOnlyAppCannotWrite() {
    start(AccountsIqSettings.defaults());
    String access = soap.tokens(READ_ONLY_CLIENT, "reader-secret")[0];
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(
                    soap.call20("GetCustomer", COMPANY, access, CUSTOMER), "GetCustomer"),
                "Status"))
        .isEqualTo("Success");
    Element write =
        AccountsIqSoap.result(
            soap.call20(
                "UpdateCustomer",
                COMPANY,
                access,
                "<customer><Code>NEW1</Code><Name>New</Name></customer>" + el("create", true)),
            "UpdateCustomer");
    assertThat(AccountsIqSoap.text(write, "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_TOKEN_DOES_NOT_HAVE_PERMISSION");
    assertThat(AccountsIqSoap.text(write, "Result"))
        .as("WSResult2OfBoolean always has Result")
        .isEqualTo("false");
    assertThat(sim.data(COMPANY).createdCustomerCount()).isZero();
  }

  @Test
  void getEntitiesByTokenListsTheGrantedEntities() {
    start(AccountsIqSettings.defaults());
    Element result =
        AccountsIqSoap.result(
            soap.post(
                sim.endpoint20(),
                "GetEntitiesByToken",
                AccountsIqSoap.envelope(
                    AccountsIqSoap.aiqHeader(null, access20()),
                    AccountsIqSoap.op("GetEntitiesByToken", ""))),
            "GetEntitiesByToken");
    Element entity =
        AccountsIqSoap.children(AccountsIqSoap.child(result, "Result"), "WSEntity").get(0);
    assertThat(AccountsIqSoap.names(entity))
        .containsExactly("EntityID", "EntityName", "BaseCurrency");
    assertThat(AccountsIqSoap.text(entity, "EntityID")).isEqualTo(COMPANY);
  }

  @Test
  void aRevokedAppGetsNoTokens() {
    start(
        config(AccountsIqSettings.defaults())
            .withTenant(AccountsIqTenant.app("gone", "gone-secret", COMPANY).withRevoked(true)));
    assertThat(code(soap.tokenGet("gone", "gone-secret"), "TokenGet"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_APPLICATION_IS_REVOKED");
  }

  private static String code(HttpResponse<String> r, String op) {
    return AccountsIqSoap.text(AccountsIqSoap.result(r, op), "ErrorCode");
  }

  private Element result20(String access, String entity) {
    return AccountsIqSoap.result(
        soap.call20("GetCustomer", entity, access, CUSTOMER), "GetCustomer");
  }

  private String status20(String access) {
    return AccountsIqSoap.text(result20(access, COMPANY), "Status");
  }
}
