package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes that post straight to the ledger (§1.6 #16, #19): {@code
 * CreateBatchSalesInvoiceGetBackTransactionID(inv: BatchSalesInvoice)} → {@code WSResult2OfString}
 * + sibling {@code <transactionID>} (GL lines, no stock), and {@code
 * SaveSalesReceiptGetBackTransactionID(salesReceipt)} → {@code WSResultStatus} + sibling {@code
 * <transactionID>} (BankAccountCode, CheckReference and CustomerCode mandatory). The receipt's
 * transaction carries its CheckReference as ExternalReference (LIKELY), so {@code
 * GetTransactionsByExternalReference} finds it after a lost answer.
 */
final class PostingOperations {
  private PostingOperations() {}

  static OpReply batchSalesInvoice(OpCall call) {
    AccountsIqRecord in =
        RequestReader.record(call.request().child("inv"), WsdlTypes.BATCH_INVOICE);
    if (in == null) return fail("UNKNOWN", "inv is null.");
    EntityStore store = call.store();
    AccountBook.Entry c = store.customers.find(in.get("CustomerCode"), call.customerCount());
    if (c == null)
      return fail("CUSTOMER_CODE_DOES_NOT_EXIST", "No customer '" + in.get("CustomerCode") + "'.");
    if (in.dateTime("InvoiceDate").equals(AccountsIqDates.MIN))
      return fail("DATE_IS_OUT_OF_RANGE", "InvoiceDate is missing.");
    if (in.decimal("ExchangeRate").signum() <= 0) {
      return fail("CURRENCY_CANNOT_HAVE_ZERO_EXCHANGE_RATE", "ExchangeRate must be positive.");
    }
    List<AccountsIqRecord> lines = in.items();
    if (lines == null || lines.isEmpty()) {
      return fail(
          "SALES_BATCH_INVOICE_ERROR_WHILE_CREATING_TRANSACTION_LINES",
          "A batch invoice needs lines.");
    }
    BigDecimal net = BigDecimal.ZERO.setScale(2);
    BigDecimal tax = BigDecimal.ZERO.setScale(2);
    for (AccountsIqRecord l : lines) {
      if (!ChartOfAccounts.glExists(l.get("GLAccountCode"))) {
        return fail(
            "GLACCOUNT_CODE_DOES_NOT_EXIST",
            "GL account '" + l.get("GLAccountCode") + "' does not exist.");
      }
      if (ChartOfAccounts.taxRate(l.get("TaxCode")) == null) {
        return fail(
            "TAX_CODE_DOES_NOT_EXIST", "Tax code '" + l.get("TaxCode") + "' does not exist.");
      }
      net = net.add(InvoiceMath.money(l.decimal("NetAmount")));
      tax = tax.add(InvoiceMath.batchTax(l));
    }
    String ref = in.get("ExternalReference");
    if (duplicate(call, ref)) {
      return fail(
          "INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS",
          "ExternalReference '" + ref + "' already exists.");
    }
    long id = store.newTransactionId();
    AccountsIqRecord tx =
        new TransactionFactory(
                "SI",
                id,
                c.record(),
                ref,
                net,
                tax,
                lines.get(0).get("TaxCode"),
                in.dateTime("InvoiceDate"),
                call.now(),
                0,
                true)
            .build();
    if (in.get("DueDate") != null) tx.set("DueDate", in.get("DueDate"));
    store.transactions.put(tx, true);
    // ASSUMPTION: Result is the new transaction id as text (the WSDL only says string).
    return OpReply.created(new OpReply.Text(Long.toString(id))).out("transactionID", id);
  }

  static OpReply salesReceipt(OpCall call) {
    AccountsIqRecord in =
        RequestReader.record(call.request().child("salesReceipt"), WsdlTypes.SALES_RECEIPT);
    if (in == null) return fail("UNKNOWN", "salesReceipt is null.");
    if (blank(in.get("CustomerCode")))
      return fail("ACCOUNT_CODE_IS_NULL", "CustomerCode is mandatory.");
    if (blank(in.get("CheckReference"))) return fail("UNKNOWN", "CheckReference is mandatory.");
    if (blank(in.get("BankAccountCode")))
      return fail("BANK_CODE_IS_NULL", "BankAccountCode is mandatory.");
    EntityStore store = call.store();
    AccountBook.Entry c = store.customers.find(in.get("CustomerCode"), call.customerCount());
    if (c == null)
      return fail("CUSTOMER_CODE_DOES_NOT_EXIST", "No customer '" + in.get("CustomerCode") + "'.");
    if (!ChartOfAccounts.isBank(in.get("BankAccountCode"))) {
      return fail(
          "BANK_ACCOUNT_DOES_NOT_EXIST",
          "Bank account '" + in.get("BankAccountCode") + "' does not exist.");
    }
    if (in.dateTime("PaymentDate").equals(AccountsIqDates.MIN))
      return fail("DATE_IS_OUT_OF_RANGE", "PaymentDate is missing.");
    long id = store.newTransactionId();
    AccountsIqRecord tx =
        new TransactionFactory(
                "SR",
                id,
                c.record(),
                in.get("CheckReference"),
                InvoiceMath.money(in.decimal("PaymentAmount")),
                BigDecimal.ZERO.setScale(2),
                null,
                in.dateTime("PaymentDate"),
                call.now(),
                0,
                false)
            .build();
    tx.set("TransactionBankGLAccountNumber", in.get("BankAccountCode"));
    store.transactions.put(tx, true);
    return OpReply.created(null).out("transactionID", id);
  }

  private static boolean duplicate(OpCall call, String ref) {
    return call.settings().rejectDuplicateExternalReference()
        && InvoiceRules.taken(call.store(), ref, -1);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static OpReply fail(String code, String message) {
    return OpReply.failure(code, message);
  }
}
