package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerProviderSimulator;
import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import dev.switchboard.testing.RuntimeHarness;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;

/** A running IQ Reseller simulator with tenants, and connection configs pointing at it. */
final class IqResellerFixture implements AutoCloseable {
  static final String ACME_KEY = "test-acme-key-7f3a9c";

  private final Vertx vertx = Vertx.vertx();
  private final IqResellerSimulator sim;

  IqResellerFixture(IqResellerConfig config) throws Exception {
    sim =
        RuntimeHarness.await(
            IqResellerSimulator.start(vertx, "127.0.0.1", 0, Clock.systemUTC(), config));
  }

  /** Tenant "acme" with {@code salesOrders} sales orders and small other lists. */
  static IqResellerFixture withAcme(long salesOrders) throws Exception {
    return new IqResellerFixture(
        IqResellerConfig.defaults()
            .withTenant(
                ACME_KEY, IqResellerTenant.of("acme", 7).withSizes(salesOrders, 300, 120, 40)));
  }

  IqResellerSimulator sim() {
    return sim;
  }

  ObjectNode connection(String apiKey) {
    return IqResellerProviderSimulator.connection(sim, apiKey);
  }

  Map<String, ObjectNode> connections() {
    return Map.of("acme", connection(ACME_KEY));
  }

  @Override
  public void close() throws Exception {
    RuntimeHarness.await(sim.close());
    RuntimeHarness.await(vertx.close());
  }
}
