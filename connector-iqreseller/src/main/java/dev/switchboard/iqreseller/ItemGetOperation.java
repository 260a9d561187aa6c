package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Map;

/** {@code MI/JSON/GetItemByItemId}: one master item, a bare object (LIKELY, §2.3). */
final class ItemGetOperation implements Operation<IqResellerClient> {
  private static final OperationSpec SPEC =
      OperationSpec.single(
          "items.get",
          "one master item by id (MI/JSON/GetItemByItemId)",
          Schema.builder()
              .requiredString("itemId", "the item's itemid")
              .bool("raw", false, "pass the provider record through untouched")
              .build());

  @Override
  public OperationSpec spec() {
    return SPEC;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, IqResellerClient client) {
    String id = inv.params().path("itemId").asText();
    return client
        .getJson("MI/JSON/GetItemByItemId", Map.of("ItemID", id), inv)
        .map(
            item -> {
              if (item.isNull() || item.isObject() && item.isEmpty()) {
                throw new SwitchboardException(
                    "ITEM_NOT_FOUND", Category.NOT_FOUND, "no master item with id " + id);
              }
              if (!item.isObject()) {
                throw ProviderCallException.badResponse(
                    "iqreseller", "GetItemByItemId", "expected a JSON object", false);
              }
              return inv.params().path("raw").asBoolean()
                  ? item
                  : IqResellerRecords.normalize(item);
            })
        .toFlowable();
  }
}
