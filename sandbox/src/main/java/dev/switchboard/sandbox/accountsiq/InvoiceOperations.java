package dev.switchboard.sandbox.accountsiq;

import java.util.List;
import java.util.Objects;

/**
 * The product-invoice workflow of §1.6: {@code GetNewSalesInvoice(customerCode)} (an unsaved
 * template, InvoiceID 0), {@code SaveInvoiceGetBackInvoiceID(invoice, create)} → {@code
 * WSResultStatus} + sibling {@code <invoiceID>}, {@code PostInvoiceGetBackTransactionID
 * (invoiceID)} → {@code WSResultStatus} + sibling {@code <transactionID>}, and {@code GetInvoice}.
 */
final class InvoiceOperations {
  private InvoiceOperations() {}

  static OpReply newSalesInvoice(OpCall call) {
    String code = RequestReader.string(call.request(), "customerCode");
    AccountBook.Entry c = call.store().customers.find(code, call.customerCount());
    if (c == null)
      return OpReply.failure(
          "CUSTOMER_CODE_DOES_NOT_EXIST", "Customer '" + code + "' does not exist.");
    AccountsIqRecord template =
        InvoiceTemplates.fromCustomer(c.record(), call.now().toLocalDate().atStartOfDay())
            .set("CreationDate", call.now());
    return OpReply.success(new OpReply.One(template));
  }

  /** Unknown id: Failure + {@code INVOICE_ID_DOES_NOT_EXIST} (CERTAIN code, §1.5). */
  static OpReply get(OpCall call) {
    AccountsIqRecord inv =
        call.store().invoices.get(RequestReader.intParam(call.request(), "invoiceID"));
    if (inv == null) return OpReply.failure("INVOICE_ID_DOES_NOT_EXIST", "Invoice does not exist.");
    return OpReply.success(new OpReply.One(inv));
  }

  static OpReply save(OpCall call) {
    AccountsIqRecord in = RequestReader.record(call.request().child("invoice"), WsdlTypes.INVOICE);
    boolean create = RequestReader.boolParam(call.request(), "create");
    if (in == null) return OpReply.failure("UNKNOWN", "invoice is null.");
    EntityStore store = call.store();
    long id = in.integer("InvoiceID");
    AccountsIqRecord existing = id == 0 ? null : store.invoices.get(id);
    if (existing == null && !create) {
      return OpReply.of(
          "NotCreated",
          "INVOICE_ID_DOES_NOT_EXIST",
          "Invoice " + id + " does not exist and create is false.",
          null);
    }
    if (existing != null) {
      if ("Posted".equals(existing.get("Status"))) {
        return OpReply.failure("READ_ONLY", "Invoice " + id + " is posted and cannot be changed.");
      }
      if (call.settings().requireRowVersionOnUpdate()
          && !Objects.equals(in.get("RowVersionNumber"), existing.get("RowVersionNumber"))) {
        return OpReply.of(
            "Conflicted",
            "OUTDATED_RECORD",
            "Invoice " + id + " was changed since it was read.",
            null);
      }
    }
    InvoiceRules.Checked checked = InvoiceRules.check(call, in, existing != null ? id : 0);
    if (checked.refusal() != null) return checked.refusal();
    long newId = existing != null ? id : store.newInvoiceId();
    AccountsIqRecord inv = checked.invoice();
    inv.set("InvoiceID", newId)
        .set(
            "CreationDate",
            existing != null ? existing.get("CreationDate") : AccountsIqDates.canonical(call.now()))
        .set("Status", "Processed")
        .set("LastModifiedUTC", call.now())
        .set("RowVersionNumber", store.newRowVersion(AccountsIqSeeds.INVOICES));
    if (inv.get("InvoiceNumber") == null)
      inv.set("InvoiceNumber", "SI" + AccountsIqSeeds.digits(newId, 6));
    List<AccountsIqRecord> lines = inv.items();
    for (int k = 0; k < lines.size(); k++) {
      lines
          .get(k)
          .set("InvoiceItemID", newId * 1000 + k)
          .set("InvoiceID", newId)
          .set("CreationDate", call.now())
          .set("RowVersionNumber", store.newRowVersion(AccountsIqSeeds.INVOICES));
    }
    store.invoices.put(inv, existing == null);
    OpReply reply = existing == null ? OpReply.created(null) : OpReply.success(null).applied();
    return reply.out("invoiceID", newId);
  }

  /**
   * Posting turns a saved invoice into a ledger transaction (type SI) with the same
   * ExternalReference.
   */
  static OpReply post(OpCall call) {
    EntityStore store = call.store();
    long id = RequestReader.intParam(call.request(), "invoiceID");
    AccountsIqRecord inv = store.invoices.get(id);
    if (inv == null)
      return OpReply.failure("INVOICE_ID_DOES_NOT_EXIST", "Invoice " + id + " does not exist.");
    if (!"Processed".equals(inv.get("Status"))) {
      return OpReply.failure("READ_ONLY", "Invoice " + id + " is " + inv.get("Status") + ".");
    }
    AccountBook.Entry c =
        store.customers.findById(
            inv.integer("AccountID"), Math.max(call.customerCount(), store.entity.customers()));
    long txId = store.newTransactionId();
    String taxCode =
        inv.items() == null || inv.items().isEmpty() ? null : inv.items().get(0).get("TaxCode");
    AccountsIqRecord tx =
        new TransactionFactory(
                "SI",
                txId,
                c.record(),
                inv.get("ExternalReference"),
                inv.decimal("NetAmount"),
                inv.decimal("TaxAmount"),
                taxCode,
                inv.dateTime("InvoiceDate"),
                call.now(),
                id,
                false)
            .build();
    if (inv.get("DueDate") != null) tx.set("DueDate", inv.get("DueDate"));
    store.transactions.put(tx, true);
    AccountsIqRecord posted =
        inv.copy()
            .set("Status", "Posted")
            .set("LastModifiedUTC", call.now())
            .set("RowVersionNumber", store.newRowVersion(AccountsIqSeeds.INVOICES));
    store.invoices.put(posted, false);
    return OpReply.success(null).applied().out("transactionID", txId);
  }
}
