package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import dev.switchboard.testing.RuntimeHarness;
import io.vertx.core.Vertx;
import java.util.Map;

/** A running IQ Reseller simulator with tenants, and connection configs pointing at it. */
final class IqResellerFixture implements AutoCloseable {
  static final String ACME_KEY = "test-acme-key-7f3a9c";

  private final Vertx vertx = Vertx.vertx();
  private final Sandbox sandbox;

  IqResellerFixture(IqResellerConfig config) throws Exception {
    sandbox = RuntimeHarness.await(Sandbox.start(vertx,
        SandboxConfig.defaults().withIqReseller(config)));
  }

  /** Tenant "acme" with {@code salesOrders} sales orders and small other lists. */
  static IqResellerFixture withAcme(long salesOrders) throws Exception {
    return new IqResellerFixture(IqResellerConfig.defaults().withTenant(ACME_KEY,
        IqResellerTenant.of("acme", 7).withSizes(salesOrders, 300, 120, 40)));
  }

  IqResellerSimulator sim() {
    return sandbox.iqReseller();
  }

  ObjectNode connection(String apiKey) {
    return Json.object().put("apiKey", apiKey).put("sessionUrl", sim().sessionUrl())
        .put("baseUrl", sim().baseUrl());
  }

  Map<String, ObjectNode> connections() {
    return Map.of("acme", connection(ACME_KEY));
  }

  @Override
  public void close() throws Exception {
    RuntimeHarness.await(sandbox.close());
    RuntimeHarness.await(vertx.close());
  }
}
