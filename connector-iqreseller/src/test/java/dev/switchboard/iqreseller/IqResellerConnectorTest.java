package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.runtime.Switchboard;
import dev.switchboard.spi.OperationSpec.Kind;
import dev.switchboard.spi.Schema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The connector's declarations: operations, their kinds and params, the connection config. */
class IqResellerConnectorTest {
  private static final List<String> LISTS =
      List.of("salesOrders.list", "inventory.list", "items.list", "customersVendors.list");
  private final IqResellerConnector connector = new IqResellerConnector();

  private Schema params(String op) {
    return connector.operations().get(op).spec().params();
  }

  @Test
  void declaresExactlyTheEightOperationsWithTheirKinds() {
    Map<String, Kind> kinds =
        connector.operations().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().spec().kind()));
    assertThat(kinds)
        .containsOnly(
            Map.entry("salesOrders.list", Kind.STREAM),
            Map.entry("inventory.list", Kind.STREAM),
            Map.entry("inventory.count", Kind.SINGLE),
            Map.entry("inventory.byPurchaseOrder", Kind.STREAM),
            Map.entry("items.list", Kind.STREAM),
            Map.entry("items.get", Kind.SINGLE),
            Map.entry("customersVendors.list", Kind.STREAM),
            Map.entry("conditions.list", Kind.STREAM));
    connector
        .operations()
        .forEach(
            (name, op) -> {
              assertThat(op.spec().name()).isEqualTo(name);
              assertThat(op.spec().write()).as(name + " is a read").isFalse();
              assertThat(op.spec().description()).as(name).isNotBlank();
            });
  }

  @Test
  void itemsGetRequiresItemId() {
    assertInvalid(() -> params("items.get").validate(Json.object()), "itemId");
    ObjectNode ok = params("items.get").validate(Json.object().put("itemId", "101"));
    assertThat(ok.path("itemId").asText()).isEqualTo("101");
    assertThat(ok.path("raw").asBoolean(true)).as("raw defaults to false").isFalse();
    assertInvalid(() -> params("items.get").validate(Json.object().put("itemId", "")), "itemId");
  }

  @Test
  void inventoryByPurchaseOrderRequiresPurchaseOrderId() {
    assertInvalid(
        () -> params("inventory.byPurchaseOrder").validate(Json.object()), "purchaseOrderId");
    assertThat(
            params("inventory.byPurchaseOrder")
                .validate(Json.object().put("purchaseOrderId", "5001"))
                .path("purchaseOrderId")
                .asText())
        .isEqualTo("5001");
    assertInvalid(
        () ->
            params("inventory.byPurchaseOrder")
                .validate(Json.object().put("purchaseOrderId", "5001").put("pageSize", 10)),
        "pageSize");
  }

  @Test
  void listOperationsAcceptPageSizeAndRawAndRefuseUnknownParams() {
    for (String op : LISTS) {
      ObjectNode ok = params(op).validate(Json.object().put("pageSize", 500).put("raw", true));
      assertThat(ok.path("pageSize").asInt()).as(op).isEqualTo(500);
      assertThat(ok.path("raw").asBoolean()).as(op).isTrue();
      assertThat(params(op).validate(Json.object()).has("pageSize")).as(op).isFalse();
      assertInvalid(() -> params(op).validate(Json.object().put("colour", "red")), "colour");
      assertInvalid(() -> params(op).validate(Json.object().put("pageSize", 0)), "pageSize");
      assertInvalid(() -> params(op).validate(Json.object().put("pageSize", "lots")), "pageSize");
      assertInvalid(() -> params(op).validate(Json.object().put("raw", "yes")), "raw");
    }
    assertThat(params("conditions.list").validate(Json.object()).path("raw").asBoolean(true))
        .isFalse();
    assertThat(params("inventory.count").fields()).isEmpty();
  }

  @Test
  void configRequiresApiKeyAndDefaultsMaxPageSizeTo2000() {
    Schema config = connector.configSpec();
    assertInvalid(() -> config.validate(Json.object()), "apiKey");
    assertThat(config.fields().get("apiKey").type()).isEqualTo(Schema.Type.SECRET);
    ObjectNode c = config.validate(Json.object().put("apiKey", "k"));
    assertThat(c.path("maxPageSize").asLong()).isEqualTo(2000);
    assertThat(c.path("requestTimeout").asText()).isEqualTo("60s");
    assertThat(c.path("baseUrl").asText()).startsWith("https://");
    assertInvalid(
        () -> config.validate(Json.object().put("apiKey", "k").put("apiKye", "x")), "apiKye");
  }

  @Test
  void theServiceLoaderFindsTheConnector() {
    assertThat(Switchboard.discover()).containsKey("iqreseller");
    assertThat(Switchboard.discover().get("iqreseller")).isInstanceOf(IqResellerConnector.class);
    assertThat(connector.id()).isEqualTo("iqreseller");
  }

  private static void assertInvalid(Runnable r, String mentioned) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_PARAMS");
              assertThat(e.category()).isEqualTo(Category.INVALID_COMMAND);
              assertThat(e.getMessage()).contains(mentioned);
            });
  }
}
