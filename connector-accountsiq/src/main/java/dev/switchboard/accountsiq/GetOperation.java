package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;

/** A one-record read by key, e.g. {@code GetCustomer(customerCode)}. */
final class GetOperation implements Operation<AccountsIqClient> {
  private final OperationSpec spec;
  private final String soapOperation;
  private final String param;
  private final String soapField;

  GetOperation(
      String name, String description, String soapOperation, String param, String soapField) {
    this.spec =
        OperationSpec.single(
            name,
            description,
            Schema.builder().requiredString(param, "sent as " + soapField).build());
    this.soapOperation = soapOperation;
    this.param = param;
    this.soapField = soapField;
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccountsIqClient client) {
    String key = inv.params().path(param).asText();
    return client
        .call(soapOperation, Json.object().put(soapField, key), ResultShape.OBJECT, true, inv)
        .map(
            a -> {
              if (a.records().isEmpty() || a.first().isNull()) {
                throw new SwitchboardException(
                    "NOT_FOUND",
                    Category.NOT_FOUND,
                    spec.name() + ": nothing found for " + param + " " + key);
              }
              return a.first();
            })
        .toFlowable();
  }
}
