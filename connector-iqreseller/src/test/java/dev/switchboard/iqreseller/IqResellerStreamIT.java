package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.StreamAssertions;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Paged streams through the real broker: complete, in order, one terminal event; a page that fails
 * is retried, a page that cannot be parsed fails the command, and the API key shows nowhere.
 */
class IqResellerStreamIT {
  static IqResellerFixture iqr;
  static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    iqr = IqResellerFixture.withAcme(10_000);
    // The fault tests run on connections of their own (same tenant), so that what one leaves
    // behind on a connection (a session, the circuit breaker's count) never reaches another.
    ObjectNode acme = iqr.connection(IqResellerFixture.ACME_KEY);
    platform =
        RuntimeHarness.start(
            "iqreseller",
            Map.of("acme", acme, "acme-500", acme.deepCopy(), "acme-cut", acme.deepCopy()),
            s -> s);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    iqr.close();
  }

  @Test
  void tenThousandSalesOrdersArriveCompleteInSeqOrderThenOneCompleted() throws Exception {
    String id =
        platform.send(
            RuntimeHarness.command("salesOrders.list", "acme", Json.object().put("pageSize", 500)));
    try (TopicReader results = platform.results()) {
      results.untilTerminal(List.of(id), Duration.ofSeconds(120)).settle(Duration.ofSeconds(1));
      assertCompleteStream(results.events(id), 10_000);
      JsonNode done = results.terminals(id).get(0);
      assertThat(done.path("records").asLong()).isEqualTo(10_000);
      assertThat(done.path("pages").asLong()).isEqualTo(21); // 20 full pages, then an empty one
      JsonNode first = results.events(id).get(0).path("data");
      assertThat(first.path("status").asText()).doesNotEndWith(" "); // padded CHAR trimmed
      assertThat(first.path("saledate").asText())
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
      assertThat(first.path("SODetails").isArray()).isTrue();
    }
  }

  @Test
  void sessionExpiringMidStreamCostsOneLoginAndLosesNothing() throws Exception {
    long loginsBefore = iqr.sim().stats().sessionsCreated("acme");
    // 21 calls at 500 per page; the session dies after 12 data calls.
    iqr.sim()
        .setScenario(
            IqResellerFixture.ACME_KEY, new IqResellerScenario(12, null, null, null, null, null));
    iqr.sim().expireAllSessions(); // start from a fresh session so the count is exact
    try {
      String id =
          platform.send(
              RuntimeHarness.command(
                  "salesOrders.list", "acme", Json.object().put("pageSize", 500)));
      try (TopicReader results = platform.results()) {
        results.untilTerminal(List.of(id), Duration.ofSeconds(120)).settle(Duration.ofSeconds(1));
        assertCompleteStream(results.events(id), 10_000);
      }
      // one login for the expired-by-test session, one after the mid-stream expiry
      assertThat(iqr.sim().stats().sessionsCreated("acme") - loginsBefore).isEqualTo(2);
    } finally {
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none());
    }
  }

  @Test
  void rawPassesProviderRecordsThroughUntouched() throws Exception {
    String id =
        platform.send(
            RuntimeHarness.command(
                "salesOrders.list", "acme", Json.object().put("pageSize", 2000).put("raw", true)));
    try (TopicReader results = platform.results()) {
      results.untilTerminal(List.of(id), Duration.ofSeconds(120));
      JsonNode first = results.events(id).get(0).path("data");
      assertThat(first.path("saledate").asText()).matches("\\d{1,2}/\\d{1,2}/\\d{4} .* [AP]M");
      assertThat(results.terminals(id).get(0).path("pages").asLong()).isEqualTo(6);
    }
  }

  @Test
  void aFiveHundredOnAPageIsRetriedAndTheStreamCompletes() throws Exception {
    long retriesBefore = retries500();
    iqr.sim()
        .setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none().withFailPage(2, 500, 2));
    try (TopicReader results = platform.results()) {
      String id =
          platform.send(
              RuntimeHarness.command("items.list", "acme-500", Json.object().put("pageSize", 50)));
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      assertCompleteStream(results.events(id), 120, "itemid");
      assertThat(retries500() - retriesBefore).isEqualTo(2);
    } finally {
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none());
    }
  }

  @Test
  void aPageCutMidRecordFailsBadResponseAndTheApiKeyShowsNowhere() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    iqr.sim()
        .setScenario(
            IqResellerFixture.ACME_KEY, IqResellerScenario.none().withTruncateJsonOnPage(1));
    try (TopicReader results = platform.results()) {
      String id = platform.send(RuntimeHarness.command("items.list", "acme-cut", null));
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      assertThat(results.terminals(id))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.path("type").asText()).isEqualTo("failed");
                assertThat(e.path("error").path("code").asText())
                    .isEqualTo("PROVIDER_BAD_RESPONSE");
                assertThat(e.path("error").path("category").asText()).isEqualTo("PROVIDER");
                assertThat(e.path("error").path("message").asText()).isNotBlank();
              });
      // The outcome is logged once Kafka acknowledged the answer, which the reader may see first.
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!lines(logs).contains("event=command.failed provider=iqreseller command=" + id)
          && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      String everything = lines(logs) + results.events(id);
      assertThat(everything)
          .contains("event=command.failed") // the capture works
          .doesNotContain(IqResellerFixture.ACME_KEY);
    } finally {
      ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
      iqr.sim().setScenario(IqResellerFixture.ACME_KEY, IqResellerScenario.none());
    }
  }

  /** What was logged so far (the appender is written to from other threads, under its lock). */
  private static String lines(ListAppender<ILoggingEvent> logs) {
    synchronized (logs) {
      return logs.list.stream()
          .map(ILoggingEvent::getFormattedMessage)
          .reduce("", (a, b) -> a + b + "\n");
    }
  }

  private static long retries500() {
    return platform
        .metrics()
        .count(
            "switchboard_provider_retries_total",
            "provider",
            "iqreseller",
            "code",
            "PROVIDER_ERROR_500");
  }

  static void assertCompleteStream(List<JsonNode> events, int expected) {
    assertCompleteStream(events, expected, "so");
  }

  /** See {@link StreamAssertions#assertCompleteStream}. */
  static void assertCompleteStream(List<JsonNode> events, int expected, String idField) {
    StreamAssertions.assertCompleteStream(events, expected, idField);
  }
}
