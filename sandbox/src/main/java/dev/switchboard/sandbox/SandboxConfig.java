package dev.switchboard.sandbox;

import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import java.time.Clock;
import java.util.Objects;

/**
 * Configuration of the whole {@link Sandbox}: where the provider servers listen, the clock they
 * measure token lifetimes with, and each provider's settings and tenants.
 *
 * <p>Each provider gets its own HTTP server. With {@code basePort} 0 every server takes an
 * ephemeral port (tests); otherwise provider {@code k} listens on {@code basePort + k}: IQ Reseller
 * {@value #IQ_RESELLER_PORT_OFFSET} (AccountsIQ and Accengage will take the next offsets).
 *
 * @param host interface to bind, default {@code 127.0.0.1}
 * @param basePort 0 = ephemeral ports (default)
 * @param clock clock for session/token lifetimes; inject a mutable one in tests
 * @param iqReseller IQ Reseller settings and tenants (API key to tenant)
 */
public record SandboxConfig(String host, int basePort, Clock clock, IqResellerConfig iqReseller) {
  public static final int IQ_RESELLER_PORT_OFFSET = 0;
  /** API key of the demo tenant {@code acme} in {@link #demo()}. Not a secret. */
  public static final String DEMO_IQ_RESELLER_API_KEY = "demo-acme-key";

  public SandboxConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(iqReseller, "iqReseller");
    if (basePort < 0 || basePort > 65_535) throw new IllegalArgumentException("bad basePort " + basePort);
  }

  /** Loopback, ephemeral ports, system UTC clock, default provider settings, no tenants. */
  public static SandboxConfig defaults() {
    return new SandboxConfig("127.0.0.1", 0, Clock.systemUTC(), IqResellerConfig.defaults());
  }

  /**
   * A demo: IQ Reseller tenant {@code acme} (API key {@value #DEMO_IQ_RESELLER_API_KEY}, seed 42,
   * 2,500 sales orders, 5,000 inventory units, 1,000 items, 300 customers/vendors).
   */
  public static SandboxConfig demo() {
    return defaults().withIqReseller(IqResellerConfig.defaults().withTenant(DEMO_IQ_RESELLER_API_KEY,
        IqResellerTenant.of("acme", 42).withSizes(2_500, 5_000, 1_000, 300)));
  }

  /** Port of the IQ Reseller server, or 0 for ephemeral. */
  public int iqResellerPort() {
    return basePort == 0 ? 0 : basePort + IQ_RESELLER_PORT_OFFSET;
  }

  public SandboxConfig withHost(String h) {
    return new SandboxConfig(h, basePort, clock, iqReseller);
  }

  public SandboxConfig withBasePort(int p) {
    return new SandboxConfig(host, p, clock, iqReseller);
  }

  public SandboxConfig withClock(Clock c) {
    return new SandboxConfig(host, basePort, c, iqReseller);
  }

  public SandboxConfig withIqReseller(IqResellerConfig c) {
    return new SandboxConfig(host, basePort, clock, c);
  }
}
