package dev.switchboard.sandbox.kit;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A simulator's tenants by the credential that names them (an API key, an email, a company or
 * client id). Fixed at start; only their scenarios and data change at runtime. Where the credential
 * is a secret, messages name it by its {@link SecretTag}.
 *
 * @param <T> the tenant at runtime
 */
public final class TenantRegistry<T extends ScenarioState<?>> {
  private final Map<String, T> byKey;
  private final boolean secretKeys;

  private TenantRegistry(Map<String, T> byKey, boolean secretKeys) {
    this.byKey = Collections.unmodifiableMap(byKey);
    this.secretKeys = secretKeys;
  }

  /** One runtime tenant per configured one, in the configuration's order. */
  public static <C, T extends ScenarioState<?>> TenantRegistry<T> of(
      Map<String, C> configured, Function<C, T> create, boolean secretKeys) {
    Map<String, T> m = new LinkedHashMap<>();
    configured.forEach((key, config) -> m.put(key, create.apply(config)));
    return new TenantRegistry<>(m, secretKeys);
  }

  /** The tenant named by {@code key}, or null. */
  public T find(String key) {
    return key == null ? null : byKey.get(key);
  }

  /**
   * @throws IllegalArgumentException for an unknown key
   */
  public T require(String key) {
    T t = find(key);
    if (t == null) throw new IllegalArgumentException("no tenant " + label(key));
    return t;
  }

  public boolean has(String key) {
    return find(key) != null;
  }

  public Collection<T> all() {
    return byKey.values();
  }

  /** How messages and logs name {@code key}: itself, or its tag if it is a secret. */
  public String label(String key) {
    return secretKeys ? SecretTag.of(key) : key;
  }
}
