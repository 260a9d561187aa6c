package dev.switchboard.bench;

import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import dev.switchboard.sandbox.accengage.AccengageConfig;
import dev.switchboard.sandbox.accengage.AccengageSimulator;
import dev.switchboard.sandbox.accengage.AccengageUser;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqEntity;
import dev.switchboard.sandbox.accountsiq.AccountsIqSettings;
import dev.switchboard.sandbox.accountsiq.AccountsIqSimulator;
import dev.switchboard.sandbox.accountsiq.AccountsIqTenant;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The one sandbox every system under test talks to, in the harness's JVM: IQ Reseller tenants
 * {@code t1..tN} (10,000 items, 1,000,000 inventory units each, generated on demand), AccountsIQ
 * 1.1 companies {@code BENCH01..} whose Login tokens live {@code loginTokenTtl} plus the W5
 * companies (connections {@code w5}, {@code w5warm}: the given number of customers each, one for
 * warming up), and the W6 Accengage users (connections {@code w6}, {@code w6warm}: one app with the
 * given number of devices each, one for warming up; 100 CSV rows per export page, the simulator's
 * default). The cost curves have IQ Reseller tenants of their own (see {@link #curveTenants()}).
 */
final class BenchSandbox implements AutoCloseable {
  static final int IQR_TENANTS = 8;
  static final long ITEMS = 10_000;
  static final String AIQ_PARTNER_KEY = "bench-partner-key";

  /** A tenant with a tenth of the inventory, for warming up the paged path before W2 is timed. */
  static final String WARM_TENANT = "t8";

  /** W5's AccountsIQ connections: the measured one and one as big for warming up. */
  static final List<String> W5_CONNECTIONS = List.of("w5", "w5warm");

  /** W6's Accengage connections: the measured one and one as big for warming up. */
  static final List<String> W6_CONNECTIONS = List.of("w6", "w6warm");

  /** C1's points: concurrent {@code inventory.list} streams, each on its own tenant. */
  static final List<Integer> STREAMS = List.of(1, 4, 16);

  /** C2's points: connections (one tenant, one API key each) the commands are spread over. */
  static final List<Integer> CONNECTIONS = List.of(1, 8, 64);

  private final Vertx vertx;
  private final Sandbox sandbox;

  private BenchSandbox(Vertx vertx, Sandbox sandbox) {
    this.vertx = vertx;
    this.sandbox = sandbox;
  }

  static BenchSandbox start(
      int aiqCompanies,
      Duration loginTokenTtl,
      long inventoryUnits,
      long customers,
      long devices,
      long curveUnits) {
    IqResellerConfig iqr = IqResellerConfig.defaults();
    for (String t : iqrTenants()) {
      long units = t.equals(WARM_TENANT) ? inventoryUnits / 10 : inventoryUnits;
      iqr = iqr.withTenant(iqrApiKey(t), IqResellerTenant.of(t, 7).withSizes(0, units, ITEMS, 0));
    }
    for (int n : STREAMS) {
      for (String t : streamTenants(n)) {
        iqr =
            iqr.withTenant(
                iqrApiKey(t), IqResellerTenant.of(t, 7).withSizes(0, curveUnits / n, ITEMS, 0));
      }
    }
    for (String t : connectionTenants(CONNECTIONS.get(CONNECTIONS.size() - 1))) {
      iqr = iqr.withTenant(iqrApiKey(t), IqResellerTenant.of(t, 7).withSizes(0, 0, ITEMS, 0));
    }
    AccountsIqConfig aiq =
        AccountsIqConfig.defaults()
            .withSettings(AccountsIqSettings.defaults().withLoginTokenTtl(loginTokenTtl));
    for (int i = 1; i <= aiqCompanies; i++) {
      String company = aiqCompany(i);
      aiq =
          aiq.withEntity(AccountsIqEntity.of(company, i).withCustomers(1_000))
              .withTenant(AccountsIqTenant.login(company, AIQ_PARTNER_KEY, aiqUserKey(i)));
    }
    for (String c : W5_CONNECTIONS) {
      String company = aiqCompany(c);
      aiq =
          aiq.withEntity(AccountsIqEntity.of(company, 99).withCustomers(customers))
              .withTenant(AccountsIqTenant.login(company, AIQ_PARTNER_KEY, aiqUserKey(c)));
    }
    AccengageConfig acg = AccengageConfig.defaults();
    for (String c : W6_CONNECTIONS) {
      acg =
          acg.withUser(
              AccengageUser.of(acgEmail(c), acgApiKey(c), 6, acgPartnerId(c))
                  .withSizes(0, 0, devices));
    }
    Vertx vertx = Vertx.vertx();
    SandboxConfig config =
        SandboxConfig.defaults()
            .with(iqr)
            .with(aiq)
            .with(acg)
            .only("iqreseller", "accountsiq", "accengage");
    Sandbox sandbox = Sandbox.start(vertx, config).await();
    return new BenchSandbox(vertx, sandbox);
  }

  static List<String> iqrTenants() {
    return IntStream.rangeClosed(1, IQR_TENANTS).mapToObj(i -> "t" + i).toList();
  }

  /** C1's tenants for {@code n} streams, {@code n1s1} or {@code n4s1..n4s4}: 1/n of the total. */
  static List<String> streamTenants(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "n" + n + "s" + i).toList();
  }

  /** C2's tenants {@code k1..kN}: items only. */
  static List<String> connectionTenants(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "k" + i).toList();
  }

  /** Every cost-curve tenant; Switchboard has a connection of the same name for each. */
  static List<String> curveTenants() {
    List<String> all = new java.util.ArrayList<>();
    STREAMS.forEach(n -> all.addAll(streamTenants(n)));
    all.addAll(connectionTenants(CONNECTIONS.get(CONNECTIONS.size() - 1)));
    return all;
  }

  static String iqrApiKey(String tenant) {
    return "bench-iqr-key-" + tenant;
  }

  static String aiqCompany(int i) {
    return String.format("BENCH%02d", i);
  }

  static String aiqUserKey(int i) {
    return "bench-user-key-" + i;
  }

  /** The company of a W5 connection ({@code w5} → {@code BENCHW5}). */
  static String aiqCompany(String connection) {
    return "BENCH" + connection.toUpperCase(java.util.Locale.ROOT);
  }

  static String aiqUserKey(String connection) {
    return "bench-user-key-" + connection;
  }

  static String acgEmail(String connection) {
    return connection + "@bench.example";
  }

  static String acgApiKey(String connection) {
    return "bench-acg-key-" + connection;
  }

  static String acgPartnerId(String connection) {
    return connection.endsWith("warm") ? "60000002" : "60000001";
  }

  String acgBaseUrl() {
    return sandbox.simulator(AccengageSimulator.class).baseUrl();
  }

  String iqrSessionUrl() {
    return sandbox.simulator(IqResellerSimulator.class).sessionUrl();
  }

  String iqrBaseUrl() {
    return sandbox.simulator(IqResellerSimulator.class).baseUrl();
  }

  String aiqEndpoint() {
    return sandbox.simulator(AccountsIqSimulator.class).endpoint11();
  }

  /** Adds {@code ms} to every IQ Reseller call (login, data) of every tenant. */
  void setIqrLatency(long ms) {
    for (String t : iqrTenants()) {
      sandbox
          .simulator(IqResellerSimulator.class)
          .setScenario(iqrApiKey(t), IqResellerScenario.none().withLatencyMs(ms));
    }
  }

  /** Successful IQ Reseller logins so far, per tenant name. */
  Map<String, Long> iqrLogins() {
    return sandbox.simulator(IqResellerSimulator.class).stats().sessionsCreated();
  }

  /** Successful AccountsIQ 1.1 Logins so far for company {@code i}. */
  long aiqLogins(int i) {
    return sandbox.simulator(AccountsIqSimulator.class).stats().logins(aiqCompany(i));
  }

  @Override
  public void close() {
    sandbox.close().await();
    vertx.close().await();
  }
}
