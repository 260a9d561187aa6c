package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.Records;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the IQ Reseller simulator: behaviour settings and the tenants, keyed by the API
 * key that a connection sends as {@code APIToken}.
 *
 * @param settings behaviour switches for every ASSUMPTION in provider-apis.md §2
 * @param tenants API key to tenant; insertion order kept; tenant names must be unique
 */
public record IqResellerConfig(IqResellerSettings settings, Map<String, IqResellerTenant> tenants) {
  /** API key of the demo tenant {@code acme} in {@link #demo()}. Not a secret. */
  public static final String DEMO_API_KEY = "demo-acme-key";

  public IqResellerConfig {
    Objects.requireNonNull(settings, "settings");
    tenants =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(tenants, "tenants")));
    Set<String> names = new HashSet<>();
    for (IqResellerTenant t : tenants.values()) {
      if (!names.add(t.name()))
        throw new IllegalArgumentException("duplicate tenant name " + t.name());
    }
  }

  /** Default settings and no tenants. */
  public static IqResellerConfig defaults() {
    return new IqResellerConfig(IqResellerSettings.defaults(), Map.of());
  }

  /**
   * The demo: tenant {@code acme} (API key {@value #DEMO_API_KEY}, seed 42) with 2,500 sales
   * orders, 5,000 inventory units, 1,000 items and 300 customers/vendors.
   */
  public static IqResellerConfig demo() {
    return defaults()
        .withTenant(
            DEMO_API_KEY, IqResellerTenant.of("acme", 42).withSizes(2_500, 5_000, 1_000, 300));
  }

  public IqResellerConfig withSettings(IqResellerSettings s) {
    return Records.with(this, "settings", s);
  }

  /** Adds (or replaces) the tenant reached with {@code apiKey}. */
  public IqResellerConfig withTenant(String apiKey, IqResellerTenant tenant) {
    Map<String, IqResellerTenant> copy = new LinkedHashMap<>(tenants);
    copy.put(Objects.requireNonNull(apiKey, "apiKey"), tenant);
    return new IqResellerConfig(settings, copy);
  }
}
