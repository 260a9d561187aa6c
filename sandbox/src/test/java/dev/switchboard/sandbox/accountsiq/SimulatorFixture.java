package dev.switchboard.sandbox.accountsiq;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One Vert.x per test class, a fresh simulator per test on an ephemeral port, real HTTP. Two
 * entities: {@code ACME01} (small, seed 7, reached by the 1.1 login and both apps) and {@code
 * OTHER01} (reached only by {@code other-app}).
 */
abstract class SimulatorFixture {
  static final String COMPANY = "ACME01";
  static final String PARTNER_KEY = "pk-test-partner";
  static final String USER_KEY = "uk-test-user";
  static final String CLIENT_ID = "acme-app";
  static final String CLIENT_SECRET = "s3cret-acme-app";
  static final String READ_ONLY_CLIENT = "reader-app";
  static final String OTHER_ENTITY = "OTHER01";
  static Vertx vertx;

  final MutableClock clock = new MutableClock(Instant.parse("2025-03-18T15:52:42Z"));
  AccountsIqSimulator sim;
  AccountsIqSoap soap;

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

  static AccountsIqConfig config(AccountsIqSettings settings) {
    return new AccountsIqConfig(settings, java.util.Map.of(), java.util.Map.of())
        .withEntity(AccountsIqEntity.of(COMPANY, 7).withSizes(120, 30, 40, 2_500, 3_000))
        .withEntity(AccountsIqEntity.of(OTHER_ENTITY, 8).withSizes(10, 5, 10, 20, 30))
        .withTenant(AccountsIqTenant.login(COMPANY, PARTNER_KEY, USER_KEY))
        .withTenant(AccountsIqTenant.app(CLIENT_ID, CLIENT_SECRET, COMPANY))
        .withTenant(
            AccountsIqTenant.app(READ_ONLY_CLIENT, "reader-secret", COMPANY).withReadOnly(true))
        .withTenant(AccountsIqTenant.app("other-app", "other-secret", OTHER_ENTITY));
  }

  AccountsIqSimulator start(AccountsIqSettings settings) {
    return start(config(settings));
  }

  AccountsIqSimulator start(AccountsIqConfig config) {
    sim = await(AccountsIqSimulator.start(vertx, "127.0.0.1", 0, clock, config));
    soap = new AccountsIqSoap(sim);
    return sim;
  }

  /** A 1.1 session token of ACME01. */
  String token11() {
    return soap.token(COMPANY, PARTNER_KEY, USER_KEY);
  }

  /** A 2.0 access token of acme-app. */
  String access20() {
    return soap.tokens(CLIENT_ID, CLIENT_SECRET)[0];
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
