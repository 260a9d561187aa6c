package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.function.Function;

/**
 * A whole-list read ({@code GetCustomerList}, {@code GetChartOfAccounts}…): no paging exists, so
 * the one answer is parsed and published record by record as it arrives (provider-apis.md §1.7).
 */
final class ListOperation implements Operation<AccountsIqClient> {
  private final OperationSpec spec;
  private final String soapOperation;
  private final Function<ObjectNode, JsonNode> fields;

  ListOperation(
      String name,
      String description,
      String soapOperation,
      Schema params,
      Function<ObjectNode, JsonNode> fields) {
    this.spec = OperationSpec.stream(name, description, params);
    this.soapOperation = soapOperation;
    this.fields = fields;
  }

  static ListOperation plain(String name, String description, String soapOperation) {
    return new ListOperation(
        name, description, soapOperation, Schema.builder().build(), p -> Json.object());
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccountsIqClient client) {
    return client.list(soapOperation, fields.apply(inv.params()), inv);
  }
}
