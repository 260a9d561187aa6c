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
 * {@code invoices.create}, the vendor's workflow (provider-apis.md §1.6): {@code
 * GetNewSalesInvoice(customerCode)} gives a template with the customer's defaults, the caller's
 * fields and lines go over it, {@code SaveInvoiceGetBackInvoiceID(create=true)} saves it and {@code
 * PostInvoiceGetBackTransactionID} posts it when asked. Exactly once, by ExternalReference (the
 * command id unless given): see {@link SafeWrite}.
 */
final class InvoiceCreateOperation implements Operation<AccountsIqClient> {
  private static final OperationSpec SPEC =
      new OperationSpec(
          "invoices.create",
          "create (and optionally post) a sales invoice, exactly once per externalReference",
          OperationSpec.Kind.SINGLE,
          true,
          Schema.builder()
              .requiredString("customerCode", "the customer's account code")
              .field(
                  new Schema.Field(
                      "invoice",
                      Schema.Type.OBJECT,
                      true,
                      null,
                      null,
                      null,
                      "Invoice fields over the customer's defaults, with Lines: [InvoiceLine…]"))
              .optionalString("externalReference", "idempotency key; default: the command id")
              .bool("post", false, "also post it (PostInvoiceGetBackTransactionID)")
              .build());

  @Override
  public OperationSpec spec() {
    return SPEC;
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
        .flatMap(
            result ->
                p.path("post").asBoolean() && !result.hasNonNull("transactionID")
                    ? post(client, result, inv)
                    : Single.just(result))
        .toFlowable();
  }

  private static Maybe<JsonNode> lookup(AccountsIqClient c, String ref, Invocation inv) {
    return c.call(
            "GetInvoicesByExternalReference",
            Json.object().put("externalReference", ref),
            ResultShape.LIST,
            true,
            inv)
        .flatMapMaybe(
            a ->
                a.records().isEmpty()
                    ? Maybe.empty()
                    : Maybe.just(summary(a.records().get(0), ref)));
  }

  private static Single<JsonNode> create(
      AccountsIqClient c, ObjectNode p, String ref, Invocation inv) {
    return c.call(
            "GetNewSalesInvoice",
            Json.object().put("customerCode", p.path("customerCode").asText()),
            ResultShape.OBJECT,
            true,
            inv)
        .flatMap(
            template -> {
              ObjectNode invoice =
                  template.first().isObject() ? (ObjectNode) template.first() : Json.object();
              p.get("invoice")
                  .fields()
                  .forEachRemaining(e -> invoice.set(e.getKey(), e.getValue()));
              invoice.put("ExternalReference", ref);
              ObjectNode fields = Json.object();
              fields.set("invoice", invoice);
              fields.put("create", true);
              return c.call("SaveInvoiceGetBackInvoiceID", fields, ResultShape.NONE, false, inv);
            })
        .map(
            a ->
                (JsonNode)
                    Json.object()
                        .put(
                            "invoiceID",
                            SafeWrite.id("SaveInvoiceGetBackInvoiceID", a, "invoiceID"))
                        .put("externalReference", ref));
  }

  private static Single<JsonNode> post(AccountsIqClient c, JsonNode invoice, Invocation inv) {
    long id = invoice.path("invoiceID").asLong();
    return c.call(
            "PostInvoiceGetBackTransactionID",
            Json.object().put("invoiceID", id),
            ResultShape.NONE,
            false,
            inv)
        .map(
            a ->
                (JsonNode)
                    ((ObjectNode) invoice.deepCopy())
                        .put(
                            "transactionID",
                            SafeWrite.id("PostInvoiceGetBackTransactionID", a, "transactionID")));
  }

  private static JsonNode summary(JsonNode found, String ref) {
    ObjectNode s = Json.object().put("externalReference", ref);
    s.set("invoiceID", found.path("InvoiceID"));
    if (found.hasNonNull("TransactionID")) {
      s.set("transactionID", found.get("TransactionID"));
    }
    s.set("status", found.path("Status"));
    return s;
  }
}
