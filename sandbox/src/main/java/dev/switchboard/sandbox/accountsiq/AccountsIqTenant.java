package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.Records;
import java.util.List;
import java.util.Objects;

/**
 * Someone who may call the simulator: a 1.1 login (companyID + partnerKey + userKey, one entity,
 * §1.3) or a 2.0 integration application (clientId + clientSecret, several entities, §1.4). The
 * tenant key — companyID or clientId — names it in scenarios and stats; secrets never leave this
 * record ({@link #toString()} redacts them).
 *
 * @param kind {@link Kind#LOGIN} (1.1) or {@link Kind#APP} (2.0)
 * @param key companyID (LOGIN) or clientId (APP)
 * @param secret partnerKey (LOGIN) or clientSecret (APP)
 * @param userKey userKey (LOGIN); null for APP
 * @param entities entities reachable: exactly {@code [key]} for LOGIN, the granted ones for APP
 * @param readOnly APP with Read (not Read &amp; Write) permission: writes answer {@code
 *     OAUTH_INTEGRATION_APPS_TOKEN_DOES_NOT_HAVE_PERMISSION} (helpjuice: "API Permissions")
 * @param revoked APP revoked by the admin: TokenGet/TokenRefresh and calls answer {@code
 *     OAUTH_INTEGRATION_APPS_APPLICATION_IS_REVOKED}
 * @param scenario initial scenario; {@link AccountsIqScenario#none()} if null
 */
public record AccountsIqTenant(
    Kind kind,
    String key,
    String secret,
    String userKey,
    List<String> entities,
    boolean readOnly,
    boolean revoked,
    AccountsIqScenario scenario) {

  /** How the tenant authenticates. */
  public enum Kind {
    /** 1.1 {@code Login(companyID, partnerKey, userKey)} session token. */
    LOGIN,
    /** 2.0 {@code TokenGet(clientId, clientSecret)} access/refresh tokens. */
    APP
  }

  public AccountsIqTenant {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
    entities = List.copyOf(Objects.requireNonNull(entities, "entities"));
    if (key.isBlank()) throw new IllegalArgumentException("tenant key is blank");
    if (kind == Kind.LOGIN && (userKey == null || !entities.equals(List.of(key)))) {
      throw new IllegalArgumentException(
          "a LOGIN tenant needs a userKey and reaches exactly its companyID");
    }
    if (kind == Kind.APP && entities.isEmpty())
      throw new IllegalArgumentException("an APP needs entities");
    scenario = scenario == null ? AccountsIqScenario.none() : scenario;
  }

  /** A 1.1 login for entity {@code companyId}. */
  public static AccountsIqTenant login(String companyId, String partnerKey, String userKey) {
    return new AccountsIqTenant(
        Kind.LOGIN, companyId, partnerKey, userKey, List.of(companyId), false, false, null);
  }

  /** A 2.0 integration application (Read &amp; Write) granted {@code entities}. */
  public static AccountsIqTenant app(String clientId, String clientSecret, String... entities) {
    return new AccountsIqTenant(
        Kind.APP, clientId, clientSecret, null, List.of(entities), false, false, null);
  }

  public AccountsIqTenant withReadOnly(boolean v) {
    return Records.with(this, "readOnly", v);
  }

  public AccountsIqTenant withRevoked(boolean v) {
    return Records.with(this, "revoked", v);
  }

  public AccountsIqTenant withScenario(AccountsIqScenario s) {
    return Records.with(this, "scenario", s);
  }

  /** Never prints partnerKey, userKey or clientSecret. */
  @Override
  public String toString() {
    return "AccountsIqTenant[kind="
        + kind
        + ", key="
        + key
        + ", secret=***"
        + (userKey == null ? "" : ", userKey=***")
        + ", entities="
        + entities
        + ", readOnly="
        + readOnly
        + ", revoked="
        + revoked
        + ", scenario="
        + scenario
        + "]";
  }
}
