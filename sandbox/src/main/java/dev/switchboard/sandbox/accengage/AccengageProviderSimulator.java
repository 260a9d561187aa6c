package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import dev.switchboard.sandbox.DemoConnection;
import dev.switchboard.sandbox.ProviderSimulator;
import dev.switchboard.sandbox.SimulatorEnv;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** The Accengage simulator as a sandbox plug-in; its demo is user {@code demo@shop.example}. */
@AutoService(ProviderSimulator.class)
public final class AccengageProviderSimulator
    implements ProviderSimulator<AccengageConfig, AccengageSimulator> {
  @Override
  public String id() {
    return "accengage";
  }

  @Override
  public String title() {
    return "Accengage (REST; signed: SHA-1 of body + API key + Accengage-Time)";
  }

  @Override
  public int portOffset() {
    return 1;
  }

  @Override
  public Class<AccengageConfig> configType() {
    return AccengageConfig.class;
  }

  @Override
  public AccengageConfig defaultConfig() {
    return AccengageConfig.defaults();
  }

  @Override
  public AccengageConfig demoConfig() {
    return AccengageConfig.demo();
  }

  @Override
  public Future<AccengageSimulator> start(Vertx vertx, SimulatorEnv env, AccengageConfig config) {
    return AccengageSimulator.start(vertx, env.host(), env.port(), env.clock(), config);
  }

  @Override
  public List<DemoConnection> demoConnections(AccengageSimulator sim) {
    ObjectNode shop =
        connection(
            sim,
            AccengageConfig.DEMO_EMAIL,
            AccengageConfig.DEMO_API_KEY,
            AccengageConfig.DEMO_PARTNER_ID);
    return List.of(
        new DemoConnection(
            "shop",
            "demo user " + AccengageConfig.DEMO_EMAIL + ", app " + AccengageConfig.DEMO_PARTNER_ID,
            shop,
            "devices.export"));
  }

  /** A connection config for user {@code email} and its app {@code partnerId}. */
  public static ObjectNode connection(
      AccengageSimulator sim, String email, String apiKey, String partnerId) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("baseUrl", sim.baseUrl())
        .put("email", email)
        .put("apiKey", apiKey)
        .put("partnerId", partnerId);
  }
}
