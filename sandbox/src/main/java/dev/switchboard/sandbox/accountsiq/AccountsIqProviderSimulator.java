package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqConfig.DEMO_CLIENT_ID;
import static dev.switchboard.sandbox.accountsiq.AccountsIqConfig.DEMO_CLIENT_SECRET;
import static dev.switchboard.sandbox.accountsiq.AccountsIqConfig.DEMO_COMPANY_ID;
import static dev.switchboard.sandbox.accountsiq.AccountsIqConfig.DEMO_PARTNER_KEY;
import static dev.switchboard.sandbox.accountsiq.AccountsIqConfig.DEMO_USER_KEY;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import dev.switchboard.sandbox.DemoConnection;
import dev.switchboard.sandbox.ProviderSimulator;
import dev.switchboard.sandbox.SimulatorEnv;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The AccountsIQ simulator as a sandbox plug-in; its demo is entity {@code DEMO01}, reached by a
 * 2.0 integration app ({@code ledger}) and a 1.1 login ({@code legacy}).
 */
@AutoService(ProviderSimulator.class)
public final class AccountsIqProviderSimulator
    implements ProviderSimulator<AccountsIqConfig, AccountsIqSimulator> {
  @Override
  public String id() {
    return "accountsiq";
  }

  @Override
  public String title() {
    return "AccountsIQ (SOAP 1.1; 2.0 TokenGet or 1.1 Login)";
  }

  @Override
  public int portOffset() {
    return 2;
  }

  @Override
  public Class<AccountsIqConfig> configType() {
    return AccountsIqConfig.class;
  }

  @Override
  public AccountsIqConfig defaultConfig() {
    return AccountsIqConfig.defaults();
  }

  @Override
  public AccountsIqConfig demoConfig() {
    return AccountsIqConfig.demo();
  }

  @Override
  public Future<AccountsIqSimulator> start(Vertx vertx, SimulatorEnv env, AccountsIqConfig config) {
    return AccountsIqSimulator.start(vertx, env.host(), env.port(), env.clock(), config);
  }

  @Override
  public List<DemoConnection> demoConnections(AccountsIqSimulator sim) {
    return List.of(
        new DemoConnection(
            "ledger",
            "2.0 app " + DEMO_CLIENT_ID + " on entity " + DEMO_COMPANY_ID,
            appConnection(sim, DEMO_COMPANY_ID, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
            "customers.list"),
        new DemoConnection(
            "legacy",
            "1.1 login to entity " + DEMO_COMPANY_ID,
            loginConnection(sim, DEMO_COMPANY_ID, DEMO_PARTNER_KEY, DEMO_USER_KEY),
            null));
  }

  /** A 2.0 connection config: integration app {@code clientId} on {@code entity}. */
  public static ObjectNode appConnection(
      AccountsIqSimulator sim, String entity, String clientId, String secret) {
    ObjectNode c = JsonNodeFactory.instance.objectNode().put("endpoint", sim.endpoint20());
    c.putObject("auth")
        .put("kind", "app")
        .put("entity", entity)
        .put("clientId", clientId)
        .put("clientSecret", secret);
    return c;
  }

  /** A 1.1 connection config: Login to {@code companyId}. */
  public static ObjectNode loginConnection(
      AccountsIqSimulator sim, String companyId, String partnerKey, String userKey) {
    ObjectNode c = JsonNodeFactory.instance.objectNode().put("endpoint", sim.endpoint11());
    c.putObject("auth")
        .put("kind", "login")
        .put("companyId", companyId)
        .put("partnerKey", partnerKey)
        .put("userKey", userKey);
    return c;
  }
}
