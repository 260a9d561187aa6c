package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Single;
import java.util.Optional;

/**
 * A write that posts a ledger transaction ({@code CreateBatchSalesInvoiceGetBackTransactionID},
 * {@code SaveSalesReceiptGetBackTransactionID}), exactly once: the record's reference field ({@code
 * ExternalReference} of a batch invoice; a receipt's {@code CheckReference}, which becomes its
 * transaction's external reference) carries the command id unless given, and {@code
 * GetTransactionsByExternalReference} is asked before creating and after an unknown outcome (see
 * {@link SafeWrite}).
 */
final class TransactionCreateOperation implements Operation<AccountsIqClient> {
  private final OperationSpec spec;
  private final String soapOperation;
  private final String element;
  private final String referenceField;

  TransactionCreateOperation(
      String name,
      String description,
      String soapOperation,
      String element,
      String referenceField) {
    this.spec =
        new OperationSpec(
            name,
            description,
            OperationSpec.Kind.SINGLE,
            true,
            Schema.builder()
                .field(
                    new Schema.Field(
                        element,
                        Schema.Type.OBJECT,
                        true,
                        null,
                        null,
                        null,
                        "the provider's " + element + " object"))
                .optionalString(
                    "externalReference",
                    "idempotency key, sent as " + referenceField + "; default: the command id")
                .build());
    this.soapOperation = soapOperation;
    this.element = element;
    this.referenceField = referenceField;
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  /**
   * A create the ledger saw start but never finish: the same look-up-then-create. It finds the
   * record by external reference when the first try was applied (and reports it, {@code "existing":
   * true}), and creates it only when it was not.
   */
  @Override
  public Optional<Flowable<JsonNode>> recover(Invocation inv, AccountsIqClient client) {
    return Optional.of(execute(inv, client));
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccountsIqClient client) {
    ObjectNode p = inv.params();
    String ref =
        p.hasNonNull("externalReference")
            ? p.get("externalReference").asText()
            : inv.command().id();
    return SafeWrite.once(() -> lookup(client, ref, inv), () -> create(client, p, ref, inv))
        .toFlowable();
  }

  private Maybe<JsonNode> lookup(AccountsIqClient c, String ref, Invocation inv) {
    ObjectNode fields = Json.object();
    fields.putObject("query").put("ExternalReference", ref);
    return c.call("GetTransactionsByExternalReference", fields, ResultShape.LIST, true, inv)
        .flatMapMaybe(
            a ->
                a.records().isEmpty()
                    ? Maybe.empty()
                    : Maybe.just(
                        Json.object()
                            .put("externalReference", ref)
                            .set("transactionID", a.records().get(0).path("TransactionID"))));
  }

  private Single<JsonNode> create(AccountsIqClient c, ObjectNode p, String ref, Invocation inv) {
    ObjectNode record = ((ObjectNode) p.get(element)).deepCopy();
    record.put(referenceField, ref);
    ObjectNode fields = Json.object();
    fields.set(element, record);
    return c.call(soapOperation, fields, ResultShape.SCALAR, false, inv)
        .map(
            a ->
                Json.object()
                    .put("externalReference", ref)
                    .put("transactionID", SafeWrite.id(soapOperation, a, "transactionID")));
  }
}
