package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.SecretTag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tenants by API key. Fixed at start; only their scenarios change at runtime. */
final class TenantRegistry {
  private final Map<String, TenantState> byApiKey;

  TenantRegistry(IqResellerConfig config) {
    Map<String, TenantState> m = new LinkedHashMap<>();
    config.tenants().forEach((key, tenant) -> m.put(key, new TenantState(tenant)));
    byApiKey = Collections.unmodifiableMap(m);
  }

  /** The tenant for {@code apiKey}, or null. */
  TenantState find(String apiKey) {
    return apiKey == null ? null : byApiKey.get(apiKey);
  }

  TenantState require(String apiKey) {
    TenantState t = find(apiKey);
    if (t == null) throw new IllegalArgumentException("no tenant for API key " + SecretTag.of(apiKey));
    return t;
  }
}
