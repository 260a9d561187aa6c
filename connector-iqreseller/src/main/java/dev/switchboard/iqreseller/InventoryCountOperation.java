package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Inventory/GetInventoriesCount}: the one route with no format segment, so it answers WCF's
 * default XML {@code <int xmlns="...">1234</int>} (LIKELY, §2.3); a bare JSON number is accepted
 * too. Result: {@code {"count": N}}.
 */
final class InventoryCountOperation implements Operation<IqResellerClient> {
  private static final Pattern NUMBER =
      Pattern.compile("^\\s*(?:<int[^>]*>)?\\s*(\\d+)\\s*(?:</int>)?\\s*$");
  private static final OperationSpec SPEC =
      OperationSpec.single(
          "inventory.count",
          "number of inventory units (Inventory/GetInventoriesCount)",
          Schema.builder().build());

  @Override
  public OperationSpec spec() {
    return SPEC;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, IqResellerClient client) {
    return client
        .get("Inventory/GetInventoriesCount", Map.of(), inv)
        .map(
            body -> {
              Matcher m = NUMBER.matcher(body.toString());
              if (!m.matches()) {
                throw ProviderCallException.badResponse(
                    "iqreseller",
                    "GetInventoriesCount",
                    "expected an integer, got " + body.length() + " bytes of something else",
                    false);
              }
              return (JsonNode) Json.object().put("count", Long.parseLong(m.group(1)));
            })
        .toFlowable();
  }
}
