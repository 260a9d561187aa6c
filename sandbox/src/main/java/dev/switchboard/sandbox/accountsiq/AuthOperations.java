package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SessionTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Login} (1.1, §1.3), {@code TokenGet}/{@code TokenRefresh} (2.0, §1.4: SOAP operations, not
 * a REST token endpoint) and {@code GetEntitiesByToken} (2.0 only). Credentials are compared
 * exactly — the docs name stray whitespace as a cause of failed logins — and in constant time.
 */
final class AuthOperations {
  private final AuthParts a;
  private final StatsCounters counters;

  AuthOperations(AuthParts parts) {
    this.a = parts;
    this.counters = parts.counters();
  }

  /** The tenant a credentials operation names (companyID or clientId), or null. */
  TenantState tenantOf(SoapOperation op, XmlNode request) {
    return "Login".equals(op.name())
        ? TenantState.find(a.tenants(), request.text("companyID"), AccountsIqTenant.Kind.LOGIN)
        : TenantState.find(a.tenants(), request.text("clientId"), AccountsIqTenant.Kind.APP);
  }

  /** {@code Login(companyID, partnerKey, userKey)} → {@code LoginResult}: the session token. */
  OpReply login(OpCall call) {
    XmlNode r = call.request();
    TenantState t = call.tenant();
    boolean ok =
        t != null
            && same(r.text("partnerKey"), t.config.secret())
            && same(r.text("userKey"), t.config.userKey())
            && !call.scenario().refusesCredentials();
    if (!ok) {
      counters.loginsRefused.increment();
      return OpReply.failure("UNKNOWN", "Invalid credentials");
    }
    SessionTokens.Session<String> s = a.loginTokens().create(t.key());
    counters.logins.add(t.key());
    return OpReply.success(new OpReply.Text(s.token));
  }

  /**
   * {@code TokenGet(clientId, clientSecret)} → {@code WSResult3} with {@code Result{AccessToken,
   * RefreshToken}}.
   */
  OpReply tokenGet(OpCall call) {
    OpReply refused = checkApp(call);
    if (refused != null) return refused;
    AppTokens.Pair p = a.appTokens().issue(call.tenant().key());
    counters.tokenGets.add(call.tenant().key());
    return OpReply.success(new OpReply.Tokens(p.accessToken(), p.refreshToken()));
  }

  /**
   * {@code TokenRefresh(clientId, clientSecret, refreshToken)}: rotates both tokens; a refresh
   * token works once.
   */
  OpReply tokenRefresh(OpCall call) {
    OpReply refused = checkApp(call);
    if (refused != null) return refused;
    String refreshToken = SoapRequest.trimToNull(call.request().text("refreshToken"));
    AppTokens.Pair p = a.appTokens().rotate(call.tenant().key(), refreshToken);
    if (p == null) {
      counters.tokenRequestsRefused.increment();
      return OpReply.failure(
          "OAUTH_INTEGRATION_APPS_REFRESH_TOKEN_EXPIRED",
          "The refresh token is expired or was already used.");
    }
    counters.tokenRefreshes.add(call.tenant().key());
    return OpReply.success(new OpReply.Tokens(p.accessToken(), p.refreshToken()));
  }

  /**
   * {@code GetEntitiesByToken} (2.0 only, body has no parameters): the app's entities as {@code
   * WSEntity}.
   */
  OpReply entitiesByToken(OpCall call) {
    List<AccountsIqRecord> out = new ArrayList<>();
    for (String id : call.tenant().config.entities()) {
      AccountsIqEntity e = a.stores().get(id).entity;
      out.add(
          new AccountsIqRecord(WsdlTypes.ENTITY)
              .set("EntityID", e.id())
              .set("EntityName", e.name())
              .set("BaseCurrency", e.baseCurrency()));
    }
    return OpReply.success(new OpReply.Many("WSEntity", out.iterator()));
  }

  private OpReply checkApp(OpCall call) {
    XmlNode r = call.request();
    String code = null;
    String message = null;
    if (blank(r.text("clientId"))) {
      code = "OAUTH_INTEGRATION_APPS_CLIENTID_IS_NULL_OR_EMPTY";
      message = "clientId is null or empty.";
    } else if (blank(r.text("clientSecret"))) {
      code = "OAUTH_INTEGRATION_APPS_CLIENTSECRET_IS_NULL_OR_EMPTY";
      message = "clientSecret is null or empty.";
    } else if (call.tenant() == null
        || !same(r.text("clientSecret"), call.tenant().config.secret())
        || call.scenario().refusesCredentials()) {
      code = a.settings().wrongClientSecretErrorCode();
      message = "Integration application not found for these credentials.";
    } else if (call.tenant().config.revoked()) {
      code = "OAUTH_INTEGRATION_APPS_APPLICATION_IS_REVOKED";
      message = "The application is revoked.";
    }
    if (code == null) return null;
    counters.tokenRequestsRefused.increment();
    return OpReply.failure(code, message);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean same(String given, String expected) {
    if (given == null || expected == null) return false;
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
