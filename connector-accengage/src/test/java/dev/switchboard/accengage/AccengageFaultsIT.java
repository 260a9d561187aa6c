package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.accengage.AccengageScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging guards, token expiry, throttling, signatures and error labels, end to end. */
class AccengageFaultsIT {
  private static final String MESSAGES = "GET /v1/me/apps/{partnerId}/messages";
  static AccengageFixture acc;
  static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    acc = new AccengageFixture(450, 10, 100); // messages: five pages of 100 (the last short)
    platform = RuntimeHarness.start("accengage", acc.connections(), s -> s);
  }

  @AfterEach
  void reset() {
    acc.scenario(AccengageScenario.none());
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    acc.close();
  }

  static JsonNode terminal(String op, ObjectNode params, List<JsonNode> recordsOut)
      throws Exception {
    String id = platform.send(RuntimeHarness.command(op, "shop", params));
    try (TopicReader r = platform.results()) {
      r.untilTerminal(List.of(id), Duration.ofSeconds(90));
      r.events(id).stream()
          .filter(e -> e.path("type").asText().equals("record"))
          .forEach(recordsOut::add);
      return r.terminals(id).get(0);
    }
  }

  /**
   * {@code "badge": 1e100000} is 100,001 digits in plain notation: rendering the body failed inside
   * the operation (INTERNAL_ERROR). Now the parser refuses it, INVALID_COMMAND, before anything
   * runs, and Accengage hears nothing (no token request either).
   */
  @Test
  void aBadgeOf1e100000IsAnInvalidCommandAndNothingIsSent() throws Exception {
    var before = acc.sim().stats();
    String id = UUID.randomUUID().toString();
    String json =
        "{\"id\":\""
            + id
            + "\",\"operation\":\"messages.create\","
            + "\"connection\":\"shop\",\"params\":{\"message\":{\"subject\":\"s\",\"text\":\"t\","
            + "\"badge\":1e100000}}}";
    platform.sendRaw(
        "shop".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), List.of());
    JsonNode failed;
    try (TopicReader r = platform.results()) {
      r.untilTerminal(List.of(id), Duration.ofSeconds(90)).settle(Duration.ofMillis(300));
      assertThat(r.terminals(id)).hasSize(1);
      failed = r.terminals(id).get(0);
    }
    assertThat(failed.path("type").asText()).as(failed.toString()).isEqualTo("failed");
    JsonNode error = failed.path("error");
    assertThat(error.path("code").asText()).as(error.toString()).isEqualTo("INVALID_COMMAND");
    assertThat(error.path("category").asText()).isEqualTo("INVALID_COMMAND");
    assertThat(error.path("retryable").asBoolean(true)).isFalse();
    assertThat(error.path("message").asText())
        .isEqualTo(
            "/params/message/badge: number of "
                + "100001 characters in plain notation; the limit is 100");
    var after = acc.sim().stats();
    assertThat(after.requests()).isEqualTo(before.requests());
    assertThat(after.unknownRoutes()).isEqualTo(before.unknownRoutes());
  }

  @Test
  void emptyPagesInTheMiddleDoNotEndTheList() throws Exception {
    acc.scenario(AccengageScenario.none().withEmptyPages(2, 3));
    List<JsonNode> records = new java.util.ArrayList<>();
    JsonNode done = terminal("messages.list", null, records);
    assertThat(done.path("type").asText()).isEqualTo("completed");
    assertThat(done.path("pages").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(records.stream().map(r -> r.path("data").path("id").asText()).distinct().count())
        .isEqualTo(records.size())
        .isGreaterThan(0);
  }

  @Test
  void aNextLinkToAnotherOriginIsRefusedAndNothingIsSentThere() throws Exception {
    AtomicInteger trapped = new AtomicInteger();
    HttpServer trap =
        RuntimeHarness.await(
            acc.vertx()
                .createHttpServer()
                .requestHandler(
                    req -> {
                      trapped.incrementAndGet();
                      req.response().end("[]");
                    })
                .listen(0, "127.0.0.1"));
    try {
      acc.scenario(
          AccengageScenario.none()
              .withForeignNextOnPage(2)
              .withForeignOrigin("http://127.0.0.1:" + trap.actualPort()));
      JsonNode done = terminal("messages.list", null, new java.util.ArrayList<>());
      assertThat(done.path("error").path("code").asText()).isEqualTo("CROSS_ORIGIN_NEXT_LINK");
      assertThat(trapped.get()).isZero();
    } finally {
      RuntimeHarness.await(trap.close());
    }
  }

  @Test
  void aTokenExpiringMidStreamCostsOneNewTokenAndLosesNothing() throws Exception {
    acc.sim().expireAllTokens();
    long before = acc.sim().stats().tokensIssued(AccengageFixture.EMAIL);
    acc.scenario(AccengageScenario.none().withExpireTokenAfterCalls(3));
    List<JsonNode> records = new java.util.ArrayList<>();
    JsonNode done = terminal("messages.list", null, records);
    assertThat(done.path("type").asText()).isEqualTo("completed");
    assertThat(records).hasSize(450);
    assertThat(acc.sim().stats().tokensIssued(AccengageFixture.EMAIL) - before).isEqualTo(2);
  }

  @Test
  void throttlingWaitsForRetryAfterAndTheReplayIsSignedAfresh() throws Exception {
    int seenBefore = acc.sim().stats().signatures(MESSAGES).size();
    acc.scenario(
        AccengageScenario.none().withRateLimit(new AccengageScenario.RateLimit(1, null, 2, 1)));
    JsonNode done = terminal("messages.list", null, new java.util.ArrayList<>());
    assertThat(done.path("type").asText()).isEqualTo("completed");
    var seen = acc.sim().stats().signatures(MESSAGES).subList(seenBefore, seenBefore + 2);
    assertThat(seen.get(1).verified()).isTrue(); // the replay's signature checks out
    assertThat(Long.parseLong(seen.get(1).time()) - Long.parseLong(seen.get(0).time()))
        .isGreaterThanOrEqualTo(2); // waited the Retry-After before replaying
    assertThat(seen.get(1).signature()).isNotEqualTo(seen.get(0).signature());
  }

  @Test
  void threeFormatErrorsSurfaceTogether() throws Exception {
    acc.scenario(AccengageScenario.none().withFormatErrors(3));
    ObjectNode p = Json.object();
    p.putObject("message").put("subject", "x").put("text", "y");
    JsonNode error = terminal("messages.create", p, new java.util.ArrayList<>()).path("error");
    assertThat(error.path("category").asText()).isEqualTo("INVALID_COMMAND");
    assertThat(error.path("provider").path("errors")).hasSize(3);
    error
        .path("provider")
        .path("errors")
        .forEach(
            e -> assertThat(error.path("message").asText()).contains(e.path("message").asText()));
  }

  @Test
  void serverLabelsAreRetriedUntilTheyPass() throws Exception {
    acc.scenario(
        AccengageScenario.none()
            .withServerError(new AccengageScenario.ServerError("API_ERR_CACHE", 2, null, 2)));
    JsonNode done = terminal("messages.list", null, new java.util.ArrayList<>());
    assertThat(done.path("records").asLong()).isEqualTo(450);
    assertThat(
            platform
                .metrics()
                .count(
                    "switchboard_provider_retries_total",
                    "provider",
                    "accengage",
                    "code",
                    "ACCENGAGE_CACHE"))
        .isEqualTo(2);
  }

  @Test
  void aWrongKeyIsRefusedOnceNeverRetried() throws Exception {
    long failuresBefore = acc.sim().stats().signatureFailures();
    try (RuntimeHarness other =
            RuntimeHarness.start(
                "accengage", Map.of("shop", acc.connection("not-the-key")), s -> s);
        TopicReader r = other.results()) {
      String id = other.send(RuntimeHarness.command("me.get", "shop", null));
      r.untilTerminal(List.of(id), Duration.ofSeconds(60));
      JsonNode error = r.terminals(id).get(0).path("error");
      assertThat(error.path("category").asText()).isEqualTo("AUTH");
      assertThat(error.path("retryable").asBoolean()).isFalse();
      assertThat(error.toString()).doesNotContain("not-the-key");
    }
    assertThat(acc.sim().stats().signatureFailures() - failuresBefore).isEqualTo(1);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      dev.switchboard.sandbox.accengage.AccengageSettings.LinkStyle.class)
  void everyLinkHeaderStyleIsFollowedToTheEnd(
      dev.switchboard.sandbox.accengage.AccengageSettings.LinkStyle style) throws Exception {
    acc.scenario(AccengageScenario.none().withLinkStyle(style).withEmptyPages(2));
    List<JsonNode> records = new java.util.ArrayList<>();
    JsonNode done = terminal("messages.list", null, records);
    assertThat(done.path("type").asText()).isEqualTo("completed");
    assertThat(records).as(style.name()).hasSize(450);
    List<JsonNode> devices = new java.util.ArrayList<>();
    assertThat(terminal("devices.export", null, devices).path("records").asLong()).isEqualTo(100);
  }
}
