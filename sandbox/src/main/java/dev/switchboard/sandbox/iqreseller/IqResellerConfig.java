package dev.switchboard.sandbox.iqreseller;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the IQ Reseller simulator: behaviour settings and the tenants, keyed by the
 * API key that a connection sends as {@code APIToken}.
 *
 * @param settings behaviour switches for every ASSUMPTION in provider-apis.md §2
 * @param tenants API key to tenant; insertion order kept; tenant names must be unique
 */
public record IqResellerConfig(IqResellerSettings settings, Map<String, IqResellerTenant> tenants) {

  public IqResellerConfig {
    Objects.requireNonNull(settings, "settings");
    tenants = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tenants, "tenants")));
    Set<String> names = new HashSet<>();
    for (IqResellerTenant t : tenants.values()) {
      if (!names.add(t.name())) throw new IllegalArgumentException("duplicate tenant name " + t.name());
    }
  }

  /** Default settings and no tenants. */
  public static IqResellerConfig defaults() {
    return new IqResellerConfig(IqResellerSettings.defaults(), Map.of());
  }

  public IqResellerConfig withSettings(IqResellerSettings s) {
    return new IqResellerConfig(s, tenants);
  }

  /** Adds (or replaces) the tenant reached with {@code apiKey}. */
  public IqResellerConfig withTenant(String apiKey, IqResellerTenant tenant) {
    Map<String, IqResellerTenant> copy = new LinkedHashMap<>(tenants);
    copy.put(Objects.requireNonNull(apiKey, "apiKey"), tenant);
    return new IqResellerConfig(settings, copy);
  }
}
