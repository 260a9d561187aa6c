package dev.switchboard.sandbox;

import dev.switchboard.sandbox.accengage.AccengageConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.accengage.AccengageUser;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import java.time.Clock;
import java.util.Objects;

/**
 * Configuration of the whole {@link Sandbox}: where the provider servers listen, the clock they
 * measure token lifetimes (and Accengage signature times) with, and each provider's settings and
 * users.
 *
 * <p>Each provider gets its own HTTP server. With {@code basePort} 0 every server takes an
 * ephemeral port (tests); otherwise provider {@code k} listens on {@code basePort + k}: IQ Reseller
 * {@value #IQ_RESELLER_PORT_OFFSET}, Accengage {@value #ACCENGAGE_PORT_OFFSET} (AccountsIQ will
 * take the next offset).
 *
 * @param host interface to bind, default {@code 127.0.0.1}
 * @param basePort 0 = ephemeral ports (default)
 * @param clock clock for session/token lifetimes and signature windows; inject a mutable one in tests
 * @param iqReseller IQ Reseller settings and tenants (API key to tenant)
 * @param accengage Accengage settings and API users (email to user)
 */
public record SandboxConfig(String host, int basePort, Clock clock, IqResellerConfig iqReseller,
    AccengageConfig accengage, AccountsIqConfig accountsIq) {
  public static final int IQ_RESELLER_PORT_OFFSET = 0;
  public static final int ACCENGAGE_PORT_OFFSET = 1;
  public static final int ACCOUNTSIQ_PORT_OFFSET = 2;
  /** API key of the demo tenant {@code acme} in {@link #demo()}. Not a secret. */
  public static final String DEMO_IQ_RESELLER_API_KEY = "demo-acme-key";
  /** Email of the demo Accengage user in {@link #demo()}. */
  public static final String DEMO_ACCENGAGE_EMAIL = "demo@shop.example";
  /** API key of the demo Accengage user in {@link #demo()}. Not a secret. */
  public static final String DEMO_ACCENGAGE_API_KEY = "demo-accengage-key";
  /** Partner ID of the demo user's app (the doc's example partner ID). */
  public static final String DEMO_ACCENGAGE_PARTNER_ID = "12345678";

  public SandboxConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(iqReseller, "iqReseller");
    Objects.requireNonNull(accengage, "accengage");
    Objects.requireNonNull(accountsIq, "accountsIq");
    if (basePort < 0 || basePort + ACCOUNTSIQ_PORT_OFFSET > 65_535) {
      throw new IllegalArgumentException("bad basePort " + basePort);
    }
  }

  /** Without Accengage users (kept for callers written before the Accengage simulator). */
  public SandboxConfig(String host, int basePort, Clock clock, IqResellerConfig iqReseller) {
    this(host, basePort, clock, iqReseller, AccengageConfig.defaults(),
        AccountsIqConfig.defaults());
  }

  /** Loopback, ephemeral ports, system UTC clock, default provider settings, no tenants or users. */
  public static SandboxConfig defaults() {
    return new SandboxConfig("127.0.0.1", 0, Clock.systemUTC(), IqResellerConfig.defaults(),
        AccengageConfig.defaults(), AccountsIqConfig.defaults());
  }

  /**
   * A demo: IQ Reseller tenant {@code acme} (API key {@value #DEMO_IQ_RESELLER_API_KEY}, seed 42,
   * 2,500 sales orders, 5,000 inventory units, 1,000 items, 300 customers/vendors), and Accengage
   * user {@value #DEMO_ACCENGAGE_EMAIL} (API key {@value #DEMO_ACCENGAGE_API_KEY}, seed 42) managing
   * app {@value #DEMO_ACCENGAGE_PARTNER_ID} with 250 messages, 40 segments and 25,000 devices
   * (250 export pages), and AccountsIQ entity {@code DEMO01} ({@link AccountsIqConfig#demo()}:
   * a 1.1 login and a 2.0 integration app).
   */
  public static SandboxConfig demo() {
    return defaults()
        .withIqReseller(IqResellerConfig.defaults().withTenant(DEMO_IQ_RESELLER_API_KEY,
            IqResellerTenant.of("acme", 42).withSizes(2_500, 5_000, 1_000, 300)))
        .withAccengage(AccengageConfig.defaults().withUser(
            AccengageUser.of(DEMO_ACCENGAGE_EMAIL, DEMO_ACCENGAGE_API_KEY, 42, DEMO_ACCENGAGE_PARTNER_ID)
                .withSizes(250, 40, 25_000)))
        .withAccountsIq(AccountsIqConfig.demo());
  }

  /** Port of the AccountsIQ server (both endpoints), or 0 for ephemeral. */
  public int accountsIqPort() {
    return basePort == 0 ? 0 : basePort + ACCOUNTSIQ_PORT_OFFSET;
  }

  public SandboxConfig withAccountsIq(AccountsIqConfig c) {
    return new SandboxConfig(host, basePort, clock, iqReseller, accengage, c);
  }

  /** Port of the IQ Reseller server, or 0 for ephemeral. */
  public int iqResellerPort() {
    return basePort == 0 ? 0 : basePort + IQ_RESELLER_PORT_OFFSET;
  }

  /** Port of the Accengage server, or 0 for ephemeral. */
  public int accengagePort() {
    return basePort == 0 ? 0 : basePort + ACCENGAGE_PORT_OFFSET;
  }

  public SandboxConfig withHost(String h) {
    return new SandboxConfig(h, basePort, clock, iqReseller, accengage, accountsIq);
  }

  public SandboxConfig withBasePort(int p) {
    return new SandboxConfig(host, p, clock, iqReseller, accengage, accountsIq);
  }

  public SandboxConfig withClock(Clock c) {
    return new SandboxConfig(host, basePort, c, iqReseller, accengage, accountsIq);
  }

  public SandboxConfig withIqReseller(IqResellerConfig c) {
    return new SandboxConfig(host, basePort, clock, c, accengage, accountsIq);
  }

  public SandboxConfig withAccengage(AccengageConfig c) {
    return new SandboxConfig(host, basePort, clock, iqReseller, c, accountsIq);
  }
}
