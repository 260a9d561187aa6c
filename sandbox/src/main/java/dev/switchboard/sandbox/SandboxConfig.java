package dev.switchboard.sandbox;

import dev.switchboard.sandbox.kit.Records;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of a whole {@link Sandbox}: where its simulators listen, the clock they measure
 * token lifetimes and signature windows with, which simulators to start, and the configuration of
 * any simulator that should not get its default (or, in a demo, its demo) one.
 *
 * <p>Each simulator gets its own HTTP server. With {@code basePort} 0 every server takes an
 * ephemeral port (tests, the demo in {@code run}); otherwise a simulator listens on {@code basePort
 * + }{@link ProviderSimulator#portOffset()}.
 *
 * @param host interface to bind, default {@code 127.0.0.1}
 * @param basePort 0 = ephemeral ports (default)
 * @param clock clock for lifetimes and signature windows; inject a mutable one in tests
 * @param demoTenants simulators without a configuration here get their demo one, not their default
 *     one
 * @param configs simulator configurations by type (e.g. an {@code IqResellerConfig})
 * @param only ids of the simulators to start; empty: every one found
 */
public record SandboxConfig(
    String host,
    int basePort,
    Clock clock,
    boolean demoTenants,
    Map<Class<?>, Object> configs,
    Set<String> only) {

  public SandboxConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    configs = Map.copyOf(configs);
    only = Set.copyOf(only);
    if (basePort < 0 || basePort > 65_535)
      throw new IllegalArgumentException("bad basePort " + basePort);
  }

  /**
   * Loopback, ephemeral ports, system UTC clock, every simulator with default settings and no
   * tenants.
   */
  public static SandboxConfig defaults() {
    return new SandboxConfig("127.0.0.1", 0, Clock.systemUTC(), false, Map.of(), Set.of());
  }

  /** Like {@link #defaults()}, but every simulator serves its demo tenants. */
  public static SandboxConfig demo() {
    return defaults().withDemoTenants(true);
  }

  public SandboxConfig withHost(String h) {
    return Records.with(this, "host", h);
  }

  public SandboxConfig withBasePort(int p) {
    return Records.with(this, "basePort", p);
  }

  public SandboxConfig withClock(Clock c) {
    return Records.with(this, "clock", c);
  }

  public SandboxConfig withDemoTenants(boolean d) {
    return Records.with(this, "demoTenants", d);
  }

  /** Starts only the simulators with these ids. */
  public SandboxConfig only(String... ids) {
    return Records.with(this, "only", Set.of(ids));
  }

  /**
   * Adds (or replaces) a simulator's configuration, e.g. {@code
   * with(IqResellerConfig.defaults()...)}.
   */
  public SandboxConfig with(Object simulatorConfig) {
    Map<Class<?>, Object> copy = new LinkedHashMap<>(configs);
    copy.put(simulatorConfig.getClass(), simulatorConfig);
    return Records.with(this, "configs", copy);
  }

  /** What {@code simulator} is started with. */
  <C> C configOf(ProviderSimulator<C, ?> simulator) {
    Object c = configs.get(simulator.configType());
    if (c != null) return simulator.configType().cast(c);
    return demoTenants ? simulator.demoConfig() : simulator.defaultConfig();
  }

  /** The port of {@code simulator}: 0 (ephemeral) or {@code basePort + portOffset}. */
  int portOf(ProviderSimulator<?, ?> simulator) {
    return basePort == 0 ? 0 : basePort + simulator.portOffset();
  }

  /** Whether {@code id} is to be started. */
  boolean starts(String id) {
    return only.isEmpty() || only.contains(id);
  }
}
