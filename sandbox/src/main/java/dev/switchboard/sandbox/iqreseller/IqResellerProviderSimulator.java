package dev.switchboard.sandbox.iqreseller;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import dev.switchboard.sandbox.DemoConnection;
import dev.switchboard.sandbox.ProviderSimulator;
import dev.switchboard.sandbox.SimulatorEnv;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** The IQ Reseller simulator as a sandbox plug-in; its demo is tenant {@code acme}. */
@AutoService(ProviderSimulator.class)
public final class IqResellerProviderSimulator
    implements ProviderSimulator<IqResellerConfig, IqResellerSimulator> {
  @Override
  public String id() {
    return "iqreseller";
  }

  @Override
  public String title() {
    return "IQ Reseller (REST; API key for a session token)";
  }

  @Override
  public int portOffset() {
    return 0;
  }

  @Override
  public Class<IqResellerConfig> configType() {
    return IqResellerConfig.class;
  }

  @Override
  public IqResellerConfig defaultConfig() {
    return IqResellerConfig.defaults();
  }

  @Override
  public IqResellerConfig demoConfig() {
    return IqResellerConfig.demo();
  }

  @Override
  public Future<IqResellerSimulator> start(Vertx vertx, SimulatorEnv env, IqResellerConfig config) {
    return IqResellerSimulator.start(vertx, env.host(), env.port(), env.clock(), config);
  }

  @Override
  public List<DemoConnection> demoConnections(IqResellerSimulator sim) {
    return List.of(
        new DemoConnection(
            "acme",
            "demo tenant acme",
            connection(sim, IqResellerConfig.DEMO_API_KEY),
            "salesOrders.list"));
  }

  /** A connection config for the tenant reached with {@code apiKey}. */
  public static ObjectNode connection(IqResellerSimulator sim, String apiKey) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("apiKey", apiKey)
        .put("sessionUrl", sim.sessionUrl())
        .put("baseUrl", sim.baseUrl());
  }
}
