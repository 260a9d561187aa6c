package dev.switchboard.bench;

import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
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
 * {@code t1..tN} (10,000 items, 1,000,000 inventory units each, generated on demand) and AccountsIQ
 * 1.1 companies {@code BENCH01..} whose Login tokens live {@code loginTokenTtl}.
 */
final class BenchSandbox implements AutoCloseable {
  static final int IQR_TENANTS = 8;
  static final long ITEMS = 10_000;
  static final String AIQ_PARTNER_KEY = "bench-partner-key";

  /** A tenant with a tenth of the inventory, for warming up the paged path before W2 is timed. */
  static final String WARM_TENANT = "t8";

  private final Vertx vertx;
  private final Sandbox sandbox;

  private BenchSandbox(Vertx vertx, Sandbox sandbox) {
    this.vertx = vertx;
    this.sandbox = sandbox;
  }

  static BenchSandbox start(int aiqCompanies, Duration loginTokenTtl, long inventoryUnits) {
    IqResellerConfig iqr = IqResellerConfig.defaults();
    for (String t : iqrTenants()) {
      long units = t.equals(WARM_TENANT) ? inventoryUnits / 10 : inventoryUnits;
      iqr = iqr.withTenant(iqrApiKey(t), IqResellerTenant.of(t, 7).withSizes(0, units, ITEMS, 0));
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
    Vertx vertx = Vertx.vertx();
    SandboxConfig config =
        SandboxConfig.defaults().with(iqr).with(aiq).only("iqreseller", "accountsiq");
    Sandbox sandbox = Sandbox.start(vertx, config).await();
    return new BenchSandbox(vertx, sandbox);
  }

  static List<String> iqrTenants() {
    return IntStream.rangeClosed(1, IQR_TENANTS).mapToObj(i -> "t" + i).toList();
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
