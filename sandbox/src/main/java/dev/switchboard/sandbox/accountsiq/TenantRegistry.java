package dev.switchboard.sandbox.accountsiq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tenants by key (companyID or clientId) and entity stores by id. Fixed at start; only scenarios
 * and stored data change at runtime. Calls that name no known tenant (a Login with unknown keys)
 * use {@link #anonymous()} for their scenario bookkeeping.
 */
final class TenantRegistry {
  private final Map<String, TenantState> tenants;
  private final Map<String, EntityStore> stores;
  /** Bookkeeping only: not registered, so it can never authenticate. */
  private final TenantState anonymous =
      new TenantState(AccountsIqTenant.app("(anonymous)", "-", "(none)"));

  TenantRegistry(AccountsIqConfig config) {
    Map<String, TenantState> t = new LinkedHashMap<>();
    config.tenants().forEach((key, tenant) -> t.put(key, new TenantState(tenant)));
    Map<String, EntityStore> s = new LinkedHashMap<>();
    config.entities().forEach((id, e) -> s.put(id, new EntityStore(e)));
    tenants = Collections.unmodifiableMap(t);
    stores = Collections.unmodifiableMap(s);
  }

  /** The tenant {@code key} of {@code kind}, or null. */
  TenantState find(String key, AccountsIqTenant.Kind kind) {
    TenantState t = key == null ? null : tenants.get(key);
    return t != null && t.config.kind() == kind ? t : null;
  }

  TenantState require(String key) {
    TenantState t = key == null ? null : tenants.get(key);
    if (t == null) throw new IllegalArgumentException("no tenant " + key);
    return t;
  }

  boolean has(String key) {
    return key != null && tenants.containsKey(key);
  }

  TenantState anonymous() {
    return anonymous;
  }

  /** The entity's store, or null. */
  EntityStore store(String entityId) {
    return entityId == null ? null : stores.get(entityId);
  }
}
