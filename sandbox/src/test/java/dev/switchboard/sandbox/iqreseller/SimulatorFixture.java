package dev.switchboard.sandbox.iqreseller;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One Vert.x per test class, a fresh simulator per test on an ephemeral port, real HTTP. */
abstract class SimulatorFixture {
  static final String KEY = "test-key-1";
  static final String OTHER_KEY = "test-key-2";
  static Vertx vertx;

  final MutableClock clock = new MutableClock(Instant.parse("2024-03-18T15:52:42Z"));
  IqResellerSimulator sim;
  IqResellerHttp http;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) await(sim.close());
  }

  /** Two tenants: {@code tiny} (KEY, 250 SOs) and {@code other} (OTHER_KEY). */
  static IqResellerConfig twoTenants(IqResellerSettings settings) {
    return new IqResellerConfig(settings, java.util.Map.of())
        .withTenant(KEY, IqResellerTenant.of("tiny", 7))
        .withTenant(OTHER_KEY, IqResellerTenant.of("other", 8).withSizes(30, 20, 10, 10));
  }

  IqResellerSimulator start(IqResellerConfig config) {
    return start(config, clock);
  }

  IqResellerSimulator start(IqResellerConfig config, Clock c) {
    sim = await(IqResellerSimulator.start(vertx, "127.0.0.1", 0, c, config));
    http = new IqResellerHttp(sim);
    return sim;
  }

  /** Stops the current simulator and starts another (same Vert.x, new port). */
  IqResellerSimulator restart(IqResellerConfig config) {
    await(sim.close());
    sim = null;
    return start(config);
  }

  IqResellerSimulator restart(IqResellerSettings settings) {
    return restart(twoTenants(settings));
  }

  IqResellerSimulator start(IqResellerSettings settings) {
    return start(twoTenants(settings));
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
