package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqProviderSimulator;
import dev.switchboard.sandbox.accountsiq.AccountsIqSimulator;
import dev.switchboard.testing.RuntimeHarness;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;

/** The AccountsIQ simulator (demo data) with a 1.1 login and a 2.0 app connection. */
final class AccountsIqFixture implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final AccountsIqSimulator sim;

  AccountsIqFixture() throws Exception {
    sim =
        RuntimeHarness.await(
            AccountsIqSimulator.start(
                vertx, "127.0.0.1", 0, Clock.systemUTC(), AccountsIqConfig.demo()));
  }

  AccountsIqSimulator sim() {
    return sim;
  }

  /** {@code legacy}: 1.1 with Login; {@code app}: 2.0 with TokenGet. */
  Map<String, ObjectNode> connections() {
    ObjectNode legacy =
        AccountsIqProviderSimulator.loginConnection(
            sim,
            AccountsIqConfig.DEMO_COMPANY_ID,
            AccountsIqConfig.DEMO_PARTNER_KEY,
            AccountsIqConfig.DEMO_USER_KEY);
    ObjectNode app =
        AccountsIqProviderSimulator.appConnection(
            sim,
            AccountsIqConfig.DEMO_COMPANY_ID,
            AccountsIqConfig.DEMO_CLIENT_ID,
            AccountsIqConfig.DEMO_CLIENT_SECRET);
    return Map.of("legacy", legacy, "app", app);
  }

  /** The simulator's tenant key of a connection (companyID for 1.1, clientId for 2.0). */
  static String tenant(String connection) {
    return connection.equals("legacy")
        ? AccountsIqConfig.DEMO_COMPANY_ID
        : AccountsIqConfig.DEMO_CLIENT_ID;
  }

  @Override
  public void close() throws Exception {
    RuntimeHarness.await(sim.close());
    RuntimeHarness.await(vertx.close());
  }
}
