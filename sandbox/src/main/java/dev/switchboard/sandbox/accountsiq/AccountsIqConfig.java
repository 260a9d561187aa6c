package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.Records;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the AccountsIQ simulator: behaviour settings, the tenants that may call it
 * (keyed by companyID or clientId) and the entities whose ledgers it keeps.
 *
 * @param settings behaviour switches for every ASSUMPTION in provider-apis.md §1
 * @param tenants tenant key (companyID or clientId) to tenant; insertion order kept
 * @param entities entity id to entity; every entity a tenant reaches must be here
 */
public record AccountsIqConfig(
    AccountsIqSettings settings,
    Map<String, AccountsIqTenant> tenants,
    Map<String, AccountsIqEntity> entities) {

  /** Demo 1.1 companyID and entity. Not a secret. */
  public static final String DEMO_COMPANY_ID = "DEMO01";

  /** Demo 1.1 partner key. Not a secret. */
  public static final String DEMO_PARTNER_KEY = "demo-partner-key";

  /** Demo 1.1 user key. Not a secret. */
  public static final String DEMO_USER_KEY = "demo-user-key";

  /** Demo 2.0 client id, granted {@link #DEMO_COMPANY_ID}. */
  public static final String DEMO_CLIENT_ID = "demo-client";

  /** Demo 2.0 client secret. Not a secret. */
  public static final String DEMO_CLIENT_SECRET = "demo-secret";

  public AccountsIqConfig {
    Objects.requireNonNull(settings, "settings");
    tenants =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(tenants, "tenants")));
    entities =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(entities, "entities")));
    for (Map.Entry<String, AccountsIqTenant> t : tenants.entrySet()) {
      if (!t.getKey().equals(t.getValue().key()))
        throw new IllegalArgumentException("tenant map key " + t.getKey());
      for (String e : t.getValue().entities()) {
        if (!entities.containsKey(e)) {
          throw new IllegalArgumentException(
              "tenant " + t.getKey() + " reaches unknown entity " + e);
        }
      }
    }
    for (Map.Entry<String, AccountsIqEntity> e : entities.entrySet()) {
      if (!e.getKey().equals(e.getValue().id()))
        throw new IllegalArgumentException("entity map key " + e.getKey());
    }
  }

  /** Default settings, no tenants, no entities. */
  public static AccountsIqConfig defaults() {
    return new AccountsIqConfig(AccountsIqSettings.defaults(), Map.of(), Map.of());
  }

  /**
   * A demo: entity {@value #DEMO_COMPANY_ID} (seed 42: 500 customers, 100 suppliers, 200 stock
   * items, 2,500 invoices, 5,000 transactions), reachable by the 1.1 login ({@value
   * #DEMO_PARTNER_KEY} / {@value #DEMO_USER_KEY}) and the 2.0 app ({@value #DEMO_CLIENT_ID} /
   * {@value #DEMO_CLIENT_SECRET}).
   */
  public static AccountsIqConfig demo() {
    return defaults()
        .withEntity(
            AccountsIqEntity.of(DEMO_COMPANY_ID, 42)
                .withName("Demo Trading Ltd")
                .withSizes(500, 100, 200, 2_500, 5_000))
        .withTenant(AccountsIqTenant.login(DEMO_COMPANY_ID, DEMO_PARTNER_KEY, DEMO_USER_KEY))
        .withTenant(AccountsIqTenant.app(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_COMPANY_ID));
  }

  public AccountsIqConfig withSettings(AccountsIqSettings s) {
    return Records.with(this, "settings", s);
  }

  /** Adds (or replaces) an entity. */
  public AccountsIqConfig withEntity(AccountsIqEntity e) {
    Map<String, AccountsIqEntity> copy = new LinkedHashMap<>(entities);
    copy.put(e.id(), e);
    return new AccountsIqConfig(settings, tenants, copy);
  }

  /**
   * Adds (or replaces) a tenant; entities it reaches that are not declared yet are added with
   * default sizes and a seed derived from their id.
   */
  public AccountsIqConfig withTenant(AccountsIqTenant t) {
    Map<String, AccountsIqEntity> es = new LinkedHashMap<>(entities);
    for (String e : t.entities())
      es.computeIfAbsent(e, id -> AccountsIqEntity.of(id, AccountsIqEntity.seedFor(id)));
    Map<String, AccountsIqTenant> ts = new LinkedHashMap<>(tenants);
    ts.put(t.key(), t);
    return new AccountsIqConfig(settings, ts, es);
  }
}
