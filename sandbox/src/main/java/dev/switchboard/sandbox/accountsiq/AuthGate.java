package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SessionTokens;
import java.time.Instant;

/**
 * Authenticates every operation but Login/TokenGet/TokenRefresh, on the endpoint's own terms. 1.1:
 * the body's first child {@code <token>} must be a live session (§1.3). 2.0: the body token is
 * ignored; {@code AiqSoapHeader} must carry a live {@code AccessToken} and an {@code Entity} the
 * app was granted (§1.4). Refusals are in-band, HTTP 200, in the operation's own result type.
 */
final class AuthGate {
  /** Who is calling: the tenant and the entity, or why not ({@code refusal}). */
  record Caller(TenantState tenant, EntityStore store, OpReply refusal) {}

  private final AuthParts a;

  AuthGate(AuthParts parts) {
    this.a = parts;
  }

  Caller authenticate(
      SoapOperation op, ApiVersion version, SoapRequest req, AccountsIqScenario header) {
    return version == ApiVersion.V1_1 ? session(req, header) : app(op, req, header);
  }

  /** Token of a call, for log correlation only (hashed by the caller). */
  static String tokenOf(ApiVersion version, SoapRequest req) {
    return version == ApiVersion.V1_1
        ? SoapRequest.trimToNull(req.operation().text("token"))
        : req.headerAccessToken();
  }

  private Caller session(SoapRequest req, AccountsIqScenario header) {
    String token = SoapRequest.trimToNull(req.operation().text("token"));
    SessionTokens.Session<String> s = a.loginTokens().touch(token);
    if (s == null) return refuse(null, sessionExpired());
    TenantState t = TenantState.find(a.tenants(), s.owner, AccountsIqTenant.Kind.LOGIN);
    Integer limit = t.scenario().overriddenBy(header).expireTokenAfterCalls();
    if (limit != null && s.calls.incrementAndGet() > limit) {
      a.loginTokens().remove(token);
      a.counters().faults.injected();
      return refuse(t, sessionExpired());
    }
    return new Caller(t, a.stores().get(s.owner), null);
  }

  /** ASSUMPTION (§1.5): Failure, HasExpired=true, no Result, "Session has expired". */
  private OpReply sessionExpired() {
    return OpReply.expired(a.settings().expiredSessionErrorCode(), "Session has expired");
  }

  private Caller app(SoapOperation op, SoapRequest req, AccountsIqScenario header) {
    String token = req.headerAccessToken();
    if (token == null) {
      return refuse(
          null,
          OpReply.failure(
              "OAUTH_INTEGRATION_APPS_TOKEN_NOT_PROVIDED_IN_AUTHORIZATION_HEADER",
              "No access token in the AiqSoapHeader."));
    }
    AppTokens.Access access = a.appTokens().access(token);
    if (access == null) {
      return refuse(
          null,
          OpReply.failure("OAUTH_INTEGRATION_APPS_TOKEN_IS_INVALID", "Invalid access token."));
    }
    TenantState t = TenantState.find(a.tenants(), access.clientId, AccountsIqTenant.Kind.APP);
    if (a.appTokens().expired(access)) return refuse(t, tokenExpired());
    if (t.config.revoked()) {
      return refuse(
          t,
          OpReply.failure(
              "OAUTH_INTEGRATION_APPS_APPLICATION_IS_REVOKED", "The application is revoked."));
    }
    Integer limit = t.scenario().overriddenBy(header).expireTokenAfterCalls();
    if (limit != null && access.calls.incrementAndGet() > limit) {
      access.expiresAt = Instant.MIN;
      a.counters().faults.injected();
      return refuse(t, tokenExpired());
    }
    if (op.access() == SoapOperation.Access.TOKEN) return new Caller(t, null, null);
    String entity = req.headerEntity();
    if (entity == null) {
      return refuse(
          t,
          OpReply.failure(
              "OAUTH_INTEGRATION_APPS_NO_ENTITY_PROVIDED_IN_HEADER",
              "No Entity in the AiqSoapHeader."));
    }
    EntityStore store = entity == null ? null : a.stores().get(entity);
    if (store == null) {
      return refuse(
          t, OpReply.failure("API_LAYER_ENTITY_ID_NOT_FOUND", "Entity " + entity + " not found."));
    }
    if (!t.config.entities().contains(entity)) {
      return refuse(
          t,
          OpReply.failure(
              "OAUTH_INTEGRATION_APPS_TOKEN_DOES_NOT_HAVE_PERMISSION",
              "The application has no access to entity " + entity + "."));
    }
    if (op.access() == SoapOperation.Access.WRITE && t.config.readOnly()) {
      return refuse(
          t,
          OpReply.failure(
              "OAUTH_INTEGRATION_APPS_TOKEN_DOES_NOT_HAVE_PERMISSION",
              "Write Permission Required."));
    }
    return new Caller(t, store, null);
  }

  /** CERTAIN code (2.0 WSDL enum); HasExpired=true where the result type has it (ASSUMPTION). */
  private static OpReply tokenExpired() {
    return OpReply.expired("OAUTH_INTEGRATION_APPS_TOKEN_EXPIRED", "Access token has expired.");
  }

  private Caller refuse(TenantState t, OpReply reply) {
    a.counters().authFailures.increment();
    return new Caller(t, null, reply);
  }
}
