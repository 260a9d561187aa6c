package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerSettings;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation end to end: real broker, the sandbox, and the tenant's known list sizes. */
class IqResellerOperationsIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  static IqResellerFixture iqr;
  static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    iqr = IqResellerFixture.withAcme(75); // 75 SOs, 300 inventory units, 120 items, 40 CVs
    platform = RuntimeHarness.start("iqreseller", iqr.connections(), s -> s);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    iqr.close();
  }

  /** Sends one command and returns all its events once the terminal one arrived. */
  private static List<JsonNode> run(String op, ObjectNode params) throws Exception {
    String id = platform.send(RuntimeHarness.command(op, "acme", params));
    try (TopicReader results = platform.results()) {
      results.untilTerminal(List.of(id), WAIT);
      return results.events(id);
    }
  }

  private static List<JsonNode> data(List<JsonNode> events) {
    return events.stream()
        .filter(e -> e.path("type").asText().equals("record"))
        .map(e -> e.path("data"))
        .toList();
  }

  @Test
  void everyListOperationStreamsTheWholeListThenCompletes() throws Exception {
    Map<String, Integer> sizes =
        Map.of(
            "salesOrders.list",
            75,
            "inventory.list",
            300,
            "items.list",
            120,
            "customersVendors.list",
            40,
            "conditions.list",
            6);
    Map<String, String> ids =
        Map.of(
            "salesOrders.list",
            "so",
            "inventory.list",
            "inventoryid",
            "items.list",
            "itemid",
            "customersVendors.list",
            "cvid",
            "conditions.list",
            "conditionid");
    for (var e : sizes.entrySet()) {
      ObjectNode params =
          e.getKey().equals("conditions.list")
              ? null
              : Json.object().put("pageSize", 32); // several pages each
      List<JsonNode> events = run(e.getKey(), params);
      IqResellerStreamIT.assertCompleteStream(events, e.getValue(), ids.get(e.getKey()));
      JsonNode done = events.get(events.size() - 1);
      assertThat(done.path("records").asLong()).as(e.getKey()).isEqualTo(e.getValue().longValue());
      assertThat(done.has("data")).as("a stream's completed carries no data").isFalse();
    }
  }

  @Test
  void inventoryCountIsTheTenantsInventorySize() throws Exception {
    List<JsonNode> events = run("inventory.count", null);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("type").asText()).isEqualTo("completed");
              assertThat(e.path("data").path("count").asLong()).isEqualTo(300);
              assertThat(e.path("records").asLong()).as("a single result is not a record").isZero();
            });
  }

  @Test
  void itemsGetReturnsTheItemThatItemsListShows() throws Exception {
    JsonNode listed = data(run("items.list", null)).get(57);
    List<JsonNode> events =
        run("items.get", Json.object().put("itemId", listed.path("itemid").asText()));
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("type").asText()).isEqualTo("completed");
              assertThat(e.path("data")).isEqualTo(listed);
            });
  }

  @Test
  void itemsGetOfAnUnknownIdFailsNotFound() throws Exception {
    List<JsonNode> events = run("items.get", Json.object().put("itemId", "987654321"));
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("type").asText()).isEqualTo("failed");
              assertThat(e.path("error").path("category").asText()).isEqualTo("NOT_FOUND");
              assertThat(e.path("error").path("retryable").asBoolean()).isFalse();
            });
  }

  @Test
  void itemsGetOfAnUnknownIdAnsweredWithJsonNullFailsNotFoundToo() throws Exception {
    IqResellerConfig config =
        IqResellerConfig.defaults()
            .withSettings(IqResellerSettings.defaults().withUnknownItem404(false))
            .withTenant(IqResellerFixture.ACME_KEY, IqResellerTenant.of("acme", 7));
    try (IqResellerFixture nulls = new IqResellerFixture(config);
        RuntimeHarness other = RuntimeHarness.start("iqreseller", nulls.connections(), s -> s);
        TopicReader results = other.results()) {
      String id =
          other.send(
              RuntimeHarness.command(
                  "items.get", "acme", Json.object().put("itemId", "987654321")));
      results.untilTerminal(List.of(id), WAIT);
      JsonNode error = results.terminals(id).get(0).path("error");
      assertThat(error.path("code").asText()).isEqualTo("ITEM_NOT_FOUND");
      assertThat(error.path("category").asText()).isEqualTo("NOT_FOUND");
    }
  }

  @Test
  void inventoryByPurchaseOrderReturnsTheUnitsOfThatPo() throws Exception {
    List<JsonNode> inventory = data(run("inventory.list", null));
    long po = inventory.get(123).path("po").asLong();
    List<Long> expected =
        inventory.stream()
            .filter(u -> u.path("po").asLong() == po)
            .map(u -> u.path("inventoryid").asLong())
            .toList();
    assertThat(expected).isNotEmpty();
    List<JsonNode> events =
        run("inventory.byPurchaseOrder", Json.object().put("purchaseOrderId", String.valueOf(po)));
    assertThat(data(events))
        .extracting(u -> u.path("inventoryid").asLong())
        .containsExactlyElementsOf(expected);
    assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("completed");
    assertThat(data(run("inventory.byPurchaseOrder", Json.object().put("purchaseOrderId", "1"))))
        .as("unknown PO: no units")
        .isEmpty();
  }

  @Test
  void aDeadlineInThePastFailsWithoutCallingTheProvider() throws Exception {
    long calls = iqr.sim().stats().totalDataCalls();
    ObjectNode cmd =
        RuntimeHarness.command("items.list", "acme", null)
            .put("deadline", Instant.now().minusSeconds(60).toString());
    String id = platform.send(cmd);
    try (TopicReader results = platform.results()) {
      results.untilTerminal(List.of(id), WAIT);
      assertThat(results.events(id))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.path("type").asText()).isEqualTo("failed");
                assertThat(e.path("error").path("code").asText()).isEqualTo("DEADLINE_EXCEEDED");
              });
    }
    assertThat(iqr.sim().stats().totalDataCalls()).isEqualTo(calls);
  }
}
