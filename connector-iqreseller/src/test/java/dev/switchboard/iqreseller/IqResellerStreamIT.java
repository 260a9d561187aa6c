package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paged streams through the real broker: complete, in order, one terminal event. */
class IqResellerStreamIT {
  static IqResellerFixture iqr;
  static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    iqr = IqResellerFixture.withAcme(10_000);
    platform = RuntimeHarness.start("iqreseller", iqr.connections(), s -> s);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    iqr.close();
  }

  @Test
  void tenThousandSalesOrdersArriveCompleteInSeqOrderThenOneCompleted() throws Exception {
    String id = platform.send(RuntimeHarness.command("salesOrders.list", "acme",
        Json.object().put("pageSize", 500)));
    try (TopicReader results = platform.results()) {
      results.untilTerminal(List.of(id), Duration.ofSeconds(120)).settle(Duration.ofSeconds(1));
      assertCompleteStream(results.events(id), 10_000);
      JsonNode done = results.terminals(id).get(0);
      assertThat(done.path("records").asLong()).isEqualTo(10_000);
      assertThat(done.path("pages").asLong()).isEqualTo(21); // 20 full pages, then an empty one
      JsonNode first = results.events(id).get(0).path("data");
      assertThat(first.path("status").asText()).doesNotEndWith(" "); // padded CHAR trimmed
      assertThat(first.path("saledate").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
      assertThat(first.path("SODetails").isArray()).isTrue();
    }
  }

  @Test
  void sessionExpiringMidStreamCostsOneLoginAndLosesNothing() throws Exception {
    long loginsBefore = iqr.sim().stats().sessionsCreated("acme");
    // 21 calls at 500 per page; the session dies after 12 data calls.
    iqr.sim().setScenario(IqResellerFixture.ACME_KEY,
        new IqResellerScenario(12, null, null, null, null, null));
    iqr.sim().expireAllSessions(); // start from a fresh session so the count is exact
    try {
      String id = platform.send(RuntimeHarness.command("salesOrders.list", "acme",
          Json.object().put("pageSize", 500)));
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
    String id = platform.send(RuntimeHarness.command("salesOrders.list", "acme",
        Json.object().put("pageSize", 2000).put("raw", true)));
    try (TopicReader results = platform.results()) {
      results.untilTerminal(List.of(id), Duration.ofSeconds(120));
      JsonNode first = results.events(id).get(0).path("data");
      assertThat(first.path("saledate").asText()).matches("\\d{1,2}/\\d{1,2}/\\d{4} .* [AP]M");
      assertThat(results.terminals(id).get(0).path("pages").asLong()).isEqualTo(6);
    }
  }

  static void assertCompleteStream(List<JsonNode> events, int expected) {
    assertCompleteStream(events, expected, "so");
  }

  /** {@code expected} records with seq 0..n-1 in order, distinct by {@code idField}, then one completed. */
  static void assertCompleteStream(List<JsonNode> events, int expected, String idField) {
    List<JsonNode> records = events.stream().filter(e -> e.path("type").asText().equals("record"))
        .toList();
    assertThat(records).hasSize(expected);
    Set<Long> orders = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).path("seq").asLong()).isEqualTo(i);
      orders.add(records.get(i).path("data").path(idField).asLong());
    }
    assertThat(orders).hasSize(expected); // no record lost, none repeated
    assertThat(events.stream().filter(e -> !e.path("type").asText().equals("record")))
        .singleElement().satisfies(e -> assertThat(e.path("type").asText()).isEqualTo("completed"));
    assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("completed");
  }
}
