package dev.switchboard.sandbox.accengage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One Vert.x per test class, a fresh simulator per test on an ephemeral port, real HTTP. */
abstract class AccengageFixture {
  static final String EMAIL = "ops@brand.example";
  static final String KEY = "k3y-ops-0123456789";
  static final String APP = "11111111";
  static final String APP2 = "22222222";
  static final String OTHER_EMAIL = "other@brand.example";
  static final String OTHER_KEY = "k3y-other-9876543210";
  static final String OTHER_APP = "33333333";

  /** 250 messages (3 pages of 100), 30 segments, 1,000 devices (10 export pages). */
  static final long MESSAGES = 250;

  static final long DEVICES = 1_000;
  static Vertx vertx;

  final TestClock clock = new TestClock(Instant.parse("2024-07-01T09:00:00Z"));
  AccengageSimulator sim;

  /** Speaks as {@link #EMAIL}. */
  AccengageHttp http;

  /** Speaks as {@link #OTHER_EMAIL}. */
  AccengageHttp other;

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

  static AccengageConfig twoUsers(AccengageSettings settings) {
    return new AccengageConfig(settings, java.util.Map.of())
        .withUser(AccengageUser.of(EMAIL, KEY, 7, APP, APP2).withSizes(MESSAGES, 30, DEVICES))
        .withUser(AccengageUser.of(OTHER_EMAIL, OTHER_KEY, 8, OTHER_APP).withSizes(20, 5, 50));
  }

  AccengageSimulator start(AccengageSettings settings) {
    return start(twoUsers(settings), clock);
  }

  AccengageSimulator start(AccengageConfig config, Clock c) {
    sim = await(AccengageSimulator.start(vertx, "127.0.0.1", 0, c, config));
    http = new AccengageHttp(sim, EMAIL, KEY, c);
    other = new AccengageHttp(sim, OTHER_EMAIL, OTHER_KEY, c);
    return sim;
  }

  /** Stops the current simulator and starts another (same Vert.x, new port). */
  AccengageSimulator restart(AccengageSettings settings) {
    await(sim.close());
    sim = null;
    return start(settings);
  }

  static String app(String partnerId) {
    return "/v1/me/apps/" + partnerId;
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
