package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sandbox.accengage.AccengageConfig;
import dev.switchboard.sandbox.accengage.AccengageProviderSimulator;
import dev.switchboard.sandbox.accengage.AccengageScenario;
import dev.switchboard.sandbox.accengage.AccengageSimulator;
import dev.switchboard.sandbox.accengage.AccengageUser;
import dev.switchboard.testing.RuntimeHarness;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;

/** A running Accengage simulator with one user, and a connection config pointing at it. */
final class AccengageFixture implements AutoCloseable {
  static final String EMAIL = "ops@shop.example";
  static final String KEY = "acc-test-key-9d1f";
  static final String APP = "12345678";

  private final Vertx vertx = Vertx.vertx();
  private final AccengageSimulator sim;

  AccengageFixture(long messages, long segments, long devices) throws Exception {
    sim =
        RuntimeHarness.await(
            AccengageSimulator.start(
                vertx,
                "127.0.0.1",
                0,
                Clock.systemUTC(),
                AccengageConfig.defaults()
                    .withUser(
                        AccengageUser.of(EMAIL, KEY, 11, APP, "87654321")
                            .withSizes(messages, segments, devices))));
  }

  AccengageSimulator sim() {
    return sim;
  }

  void scenario(AccengageScenario s) {
    sim.setScenario(EMAIL, s);
  }

  ObjectNode connection(String apiKey) {
    return AccengageProviderSimulator.connection(sim, EMAIL, apiKey, APP);
  }

  Map<String, ObjectNode> connections() {
    return Map.of("shop", connection(KEY));
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() throws Exception {
    RuntimeHarness.await(sim.close());
    RuntimeHarness.await(vertx.close());
  }
}
