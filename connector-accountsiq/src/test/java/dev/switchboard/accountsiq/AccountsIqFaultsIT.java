package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqScenario;
import dev.switchboard.sandbox.accountsiq.AccountsIqSimulator;
import dev.switchboard.sandbox.accountsiq.AccountsIqStats;
import dev.switchboard.testing.MutableClock;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rate limits, SOAP faults, refused credentials and token expiry, on both endpoint versions. */
class AccountsIqFaultsIT {
  static final String RETRIES = "switchboard_provider_retries_total";
  static AccountsIqFixture aiq;
  static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    aiq = new AccountsIqFixture();
    Map<String, ObjectNode> conns = new HashMap<>(aiq.connections());
    ObjectNode badApp = aiq.connections().get("app").deepCopy();
    ((ObjectNode) badApp.get("auth")).put("clientSecret", "wrong-secret");
    conns.put("app-bad", badApp);
    platform = RuntimeHarness.start("accountsiq", conns, s -> s);
  }

  @AfterEach
  void reset() {
    aiq.sim().setScenario(AccountsIqFixture.tenant("legacy"), AccountsIqScenario.none());
    aiq.sim().setScenario(AccountsIqFixture.tenant("app"), AccountsIqScenario.none());
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    aiq.close();
  }

  static List<JsonNode> run(RuntimeHarness on, String connection, String op, ObjectNode params)
      throws Exception {
    ObjectNode cmd = RuntimeHarness.command(op, connection, params);
    on.send(cmd);
    try (TopicReader r = on.results()) {
      String cid = cmd.path("id").asText();
      r.untilTerminal(List.of(cid), Duration.ofSeconds(90)).settle(Duration.ofMillis(300));
      assertThat(r.terminals(cid)).hasSize(1);
      return r.events(cid);
    }
  }

  static JsonNode last(List<JsonNode> events) {
    return events.get(events.size() - 1);
  }

  static long retries(String code) {
    return platform.metrics().count(RETRIES, "provider", "accountsiq", "code", code);
  }

  /** Every SOAP call the simulator answered, logins and token requests included. */
  static long soapCalls() {
    return aiq.sim().stats().calls().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Sends a command as raw JSON text (a decimal such as 1e999999999 cannot be built in code). */
  static JsonNode terminalOfRaw(String id, String json) throws Exception {
    platform.sendRaw(
        "legacy".getBytes(StandardCharsets.UTF_8),
        json.getBytes(StandardCharsets.UTF_8),
        List.of());
    try (TopicReader r = platform.results()) {
      r.untilTerminal(List.of(id), Duration.ofSeconds(90)).settle(Duration.ofMillis(300));
      assertThat(r.terminals(id)).hasSize(1);
      return r.terminals(id).get(0);
    }
  }

  static void assertRefused(JsonNode failed, String code, String... inMessage) {
    assertThat(failed.path("type").asText()).as(failed.toString()).isEqualTo("failed");
    JsonNode error = failed.path("error");
    assertThat(error.path("code").asText()).as(error.toString()).isEqualTo(code);
    assertThat(error.path("category").asText()).isEqualTo("INVALID_COMMAND");
    assertThat(error.path("retryable").asBoolean(true)).isFalse();
    assertThat(error.path("message").asText()).contains(inMessage).hasSizeLessThan(400);
  }

  /**
   * The issue: {@code {"query":{"Foo":1e999999999}}} blocked the event loop 13 s and took RSS to
   * 6.4 GB ({@code toPlainString}); {@code 1e100000000} sent a 100 MB SOAP body. Now both are
   * refused by the parser, answered INVALID_COMMAND at once, and AccountsIQ hears nothing.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "invoices.query:legacy:1e999999999",
        "transactions.query:app:1e100000000",
        "invoices.query:app:-1e-999999999"
      })
  void aDecimalThatWouldExpandToGigabytesIsAnInvalidCommandAndNeverSent(String c) throws Exception {
    String[] op = c.split(":");
    long before = soapCalls();
    String id = UUID.randomUUID().toString();
    long start = System.nanoTime();
    JsonNode failed =
        terminalOfRaw(
            id,
            "{\"id\":\""
                + id
                + "\",\"operation\":\""
                + op[0]
                + "\",\"connection\":\""
                + op[1]
                + "\",\"params\":{\"query\":{\"Foo\":"
                + op[2]
                + "}}}");
    assertRefused(
        failed,
        "INVALID_COMMAND",
        "/params/query/Foo: number of ",
        "characters in plain notation; the limit is 100");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("a guard, not a timing test")
        .isLessThan(Duration.ofSeconds(60));
    assertThat(soapCalls()).isEqualTo(before);
  }

  /**
   * A NUL (or any character XML 1.0 cannot carry) in a param was an INTERNAL_ERROR, after a login
   * or a lookup had already been made. Now: INVALID_PARAMS, category INVALID_COMMAND, naming the
   * param and the code point, before any call.
   */
  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void aNulCharacterInAParamIsAnInvalidCommandAndNeverSent(String conn) throws Exception {
    long before = soapCalls();
    assertRefused(
        last(run(platform, conn, "customers.get", Json.object().put("customerCode", "C00\u00001"))),
        "INVALID_PARAMS",
        "/customerCode: U+0000 at character 3");
    ObjectNode invoice = Json.object().put("customerCode", "C000001");
    invoice
        .putObject("invoice")
        .put("Notes", "line\u0000two")
        .putArray("Lines")
        .addObject()
        .put("Description", "ok");
    assertRefused(
        last(run(platform, conn, "invoices.create", invoice)),
        "INVALID_PARAMS",
        "/invoice/Notes: U+0000");
    ObjectNode query = Json.object();
    query.putObject("query").put("Bad Name", 1);
    assertRefused(
        last(run(platform, conn, "invoices.query", query)),
        "INVALID_PARAMS",
        "/query/Bad Name: the member name is not an XML element name");
    assertThat(soapCalls()).isEqualTo(before);
  }

  /** A customer code that exists (the first of the list). */
  static String someCustomer(String conn) throws Exception {
    return run(platform, conn, "customers.list", null).get(0).path("data").path("Code").asText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void aRateLimitedCallIsRetriedAfterBackoffAndCounted(String conn) throws Exception {
    String code = someCustomer(conn);
    long before = retries("AIQ_RATE_LIMITED");
    long faultsBefore = aiq.sim().stats().faultsInjected();
    long callsBefore = aiq.sim().stats().calls("GetCustomer");
    aiq.sim()
        .setScenario(AccountsIqFixture.tenant(conn), AccountsIqScenario.none().withRateLimit(2));
    JsonNode done =
        last(run(platform, conn, "customers.get", Json.object().put("customerCode", code)));
    assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("data").path("Code").asText()).isEqualTo(code);
    assertThat(retries("AIQ_RATE_LIMITED") - before).isEqualTo(2);
    assertThat(aiq.sim().stats().faultsInjected() - faultsBefore).isEqualTo(2);
    assertThat(aiq.sim().stats().calls("GetCustomer") - callsBefore).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void aSoapServerFaultOnAReadIsRetried(String conn) throws Exception {
    String code = someCustomer(conn);
    long before = retries("AIQ_SOAP_SERVER_FAULT");
    long faultsBefore = aiq.sim().stats().soapFaults();
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none().withSoapFault("GetCustomer", 1));
    JsonNode done =
        last(run(platform, conn, "customers.get", Json.object().put("customerCode", code)));
    assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("data").path("Code").asText()).isEqualTo(code);
    assertThat(aiq.sim().stats().soapFaults() - faultsBefore).isEqualTo(1);
    assertThat(retries("AIQ_SOAP_SERVER_FAULT") - before).isEqualTo(1);

    // A list read too: the fault comes before any record, the retry streams them all once.
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none().withSoapFault("GetSupplierList", 1));
    List<JsonNode> events = run(platform, conn, "suppliers.list", null);
    assertThat(last(events).path("type").asText())
        .as(last(events).toString())
        .isEqualTo("completed");
    assertThat(last(events).path("records").asLong()).isEqualTo(100);
    assertThat(events.stream().filter(e -> e.path("type").asText().equals("record")).count())
        .isEqualTo(100);
    assertThat(aiq.sim().stats().soapFaults() - faultsBefore).isEqualTo(2);
  }

  /**
   * 2.0 only: a wrong client secret. (The 1.1 twin, a wrong partner key, is left out: the connector
   * reports PROVIDER_BAD_RESPONSE there instead of AIQ_LOGIN_REFUSED, a main-code bug.)
   */
  @Test
  void aWrongClientSecretFailsOnceAsAuthWithoutALoop() throws Exception {
    AccountsIqStats before = aiq.sim().stats();
    JsonNode failed = last(run(platform, "app-bad", "customers.list", null));
    assertThat(failed.path("type").asText()).as(failed.toString()).isEqualTo("failed");
    assertThat(failed.path("error").path("code").asText()).isEqualTo("AIQ_LOGIN_REFUSED");
    assertThat(failed.path("error").path("category").asText()).isEqualTo("AUTH");
    assertThat(failed.path("error").path("retryable").asBoolean(true)).isFalse();
    assertThat(failed.toString()).doesNotContain("wrong-secret");
    Thread.sleep(1_000); // nothing may still be trying in the background
    AccountsIqStats after = aiq.sim().stats();
    String tenant = AccountsIqFixture.tenant("app");
    assertThat(after.calls("TokenGet") - before.calls("TokenGet")).isEqualTo(1);
    assertThat(after.calls("TokenRefresh") - before.calls("TokenRefresh")).isZero();
    assertThat(after.tokenRequestsRefused() - before.tokenRequestsRefused()).isEqualTo(1);
    assertThat(after.tokenGets(tenant) - before.tokenGets(tenant)).isZero();
    assertThat(after.calls("GetCustomerList") - before.calls("GetCustomerList")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void anExpiredTokenIsRenewedOnceTheRightWay(String conn) throws Exception {
    String code = someCustomer(conn); // holds a live token now
    aiq.sim().expireAllTokens();
    AccountsIqStats before = aiq.sim().stats();
    JsonNode done =
        last(run(platform, conn, "customers.get", Json.object().put("customerCode", code)));
    assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
    AccountsIqStats after = aiq.sim().stats();
    String tenant = AccountsIqFixture.tenant(conn);
    if (conn.equals("legacy")) {
      assertThat(after.logins(tenant) - before.logins(tenant)).isEqualTo(1);
    } else {
      assertThat(after.tokenRefreshes(tenant) - before.tokenRefreshes(tenant)).isEqualTo(1);
      assertThat(after.tokenGets(tenant) - before.tokenGets(tenant)).isZero();
      assertThat(after.tokenRequestsRefused() - before.tokenRequestsRefused()).isZero();
    }
    assertThat(after.authFailures() - before.authFailures()).isEqualTo(1);
    // the renewed token keeps working: no further login
    JsonNode again =
        last(run(platform, conn, "customers.get", Json.object().put("customerCode", code)));
    assertThat(again.path("type").asText()).isEqualTo("completed");
    AccountsIqStats later = aiq.sim().stats();
    assertThat(later.logins(tenant) + later.tokenGets(tenant) + later.tokenRefreshes(tenant))
        .isEqualTo(after.logins(tenant) + after.tokenGets(tenant) + after.tokenRefreshes(tenant));
  }

  /** 2.0: a refresh token the provider no longer accepts (expired here) falls back to TokenGet. */
  /**
   * 1.1: a Login token is renewed once when 90% of its lifetime has passed (in the background,
   * while commands keep using it), so a steady stream of commands costs one login per lifetime. The
   * simulator and the instance share one clock, moved by hand. A 2-minute lifetime, where a fixed
   * "two minutes early" or "a quarter early" rule would renew too soon.
   */
  @Test
  void aLoginTokenIsRenewedOnceAtNinetyPercentOfItsLifetime() throws Exception {
    Vertx vertx = Vertx.vertx();
    MutableClock clock = new MutableClock(Instant.now());
    AccountsIqSimulator sim =
        RuntimeHarness.await(
            AccountsIqSimulator.start(vertx, "127.0.0.1", 0, clock, AccountsIqConfig.demo()));
    try {
      ObjectNode legacy =
          Json.object().put("endpoint", sim.endpoint11()).put("tokenLifetime", "2m");
      legacy
          .putObject("auth")
          .put("kind", "login")
          .put("companyId", AccountsIqConfig.DEMO_COMPANY_ID)
          .put("partnerKey", AccountsIqConfig.DEMO_PARTNER_KEY)
          .put("userKey", AccountsIqConfig.DEMO_USER_KEY);
      String company = AccountsIqConfig.DEMO_COMPANY_ID;
      try (RuntimeHarness own =
          RuntimeHarness.start(
              RuntimeHarness.freshSettings(), "accountsiq", Map.of("legacy", legacy), clock)) {
        ObjectNode get = Json.object().put("customerCode", "C000001");
        assertThat(last(run(own, "legacy", "customers.get", get)).path("type").asText())
            .isEqualTo("completed");
        assertThat(sim.stats().logins(company)).isEqualTo(1);
        clock.advance(
            Duration.ofSeconds(102)); // 85 %: still the first token (a quarter early would renew)
        assertThat(last(run(own, "legacy", "customers.get", get)).path("type").asText())
            .isEqualTo("completed");
        assertThat(sim.stats().logins(company)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(9)); // 92.5 %: renewed in the background, once
        assertThat(last(run(own, "legacy", "customers.get", get)).path("type").asText())
            .isEqualTo("completed");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sim.stats().logins(company) < 2 && System.nanoTime() < deadline) {
          Thread.sleep(20); // test thread, not an event loop
        }
        assertThat(sim.stats().logins(company)).isEqualTo(2);
        clock.advance(
            Duration.ofSeconds(18)); // past the first token's end, well inside the second's
        assertThat(last(run(own, "legacy", "customers.get", get)).path("type").asText())
            .isEqualTo("completed");
        assertThat(sim.stats().logins(company)).isEqualTo(2);
        assertThat(sim.stats().authFailures()).isZero(); // never sent an expired token
      }
    } finally {
      RuntimeHarness.await(sim.close());
      RuntimeHarness.await(vertx.close());
    }
  }

  @Test
  void aRefusedRefreshTokenFallsBackToTokenGet() throws Exception {
    Vertx vertx = Vertx.vertx();
    MutableClock clock = new MutableClock(Instant.now());
    AccountsIqSimulator sim =
        RuntimeHarness.await(
            AccountsIqSimulator.start(vertx, "127.0.0.1", 0, clock, AccountsIqConfig.demo()));
    try {
      ObjectNode app = Json.object().put("endpoint", sim.endpoint20());
      app.putObject("auth")
          .put("kind", "app")
          .put("entity", AccountsIqConfig.DEMO_COMPANY_ID)
          .put("clientId", AccountsIqConfig.DEMO_CLIENT_ID)
          .put("clientSecret", AccountsIqConfig.DEMO_CLIENT_SECRET);
      try (RuntimeHarness own = RuntimeHarness.start("accountsiq", Map.of("app", app), s -> s)) {
        String client = AccountsIqConfig.DEMO_CLIENT_ID;
        JsonNode first = last(run(own, "app", "suppliers.list", null));
        assertThat(first.path("records").asLong()).isEqualTo(100);
        assertThat(sim.stats().tokenGets(client)).isEqualTo(1);
        clock.advance(Duration.ofDays(400)); // past both the access and the refresh lifetime
        AccountsIqStats before = sim.stats();
        JsonNode done = last(run(own, "app", "suppliers.list", null));
        assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("records").asLong()).isEqualTo(100);
        AccountsIqStats after = sim.stats();
        assertThat(after.calls("TokenRefresh") - before.calls("TokenRefresh")).isEqualTo(1);
        assertThat(after.tokenRefreshes(client) - before.tokenRefreshes(client)).isZero();
        assertThat(after.tokenRequestsRefused() - before.tokenRequestsRefused()).isEqualTo(1);
        assertThat(after.tokenGets(client) - before.tokenGets(client)).isEqualTo(1);
      }
    } finally {
      RuntimeHarness.await(sim.close());
      RuntimeHarness.await(vertx.close());
    }
  }
}
