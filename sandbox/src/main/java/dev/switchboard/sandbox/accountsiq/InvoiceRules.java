package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.util.List;

/**
 * Validation and completion of a sales invoice before it is saved. Error codes are CERTAIN to exist
 * (2.0 WSDL enum, §1.5); which one a given mistake raises is an ASSUMPTION from the names.
 */
final class InvoiceRules {
  /** A validated invoice, or the refusal. */
  record Checked(AccountsIqRecord invoice, OpReply refusal) {}

  private InvoiceRules() {}

  /**
   * Checks {@code in} (to be saved as id {@code selfId}, 0 = new) and fills defaults and amounts.
   */
  static Checked check(OpCall call, AccountsIqRecord in, long selfId) {
    EntityStore store = call.store();
    long accountId = in.integer("AccountID");
    String accountCode = in.get("AccountCode");
    AccountBook.Entry customer =
        accountId != 0
            ? store.customers.findById(accountId, call.customerCount())
            : store.customers.find(accountCode, call.customerCount());
    if (customer == null) {
      return refuse(
          accountId != 0 ? "CUSTOMER_ID_DOES_NOT_EXIST" : "CUSTOMER_CODE_DOES_NOT_EXIST",
          "Customer " + (accountId != 0 ? accountId : accountCode) + " does not exist.");
    }
    String ref = in.get("ExternalReference");
    if (call.settings().rejectDuplicateExternalReference() && taken(store, ref, selfId)) {
      return refuse(
          "INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS",
          "ExternalReference '" + ref + "' is already used.");
    }
    AccountsIqRecord c = customer.record();
    List<AccountsIqRecord> lines = in.items() == null ? List.of() : in.items();
    for (AccountsIqRecord line : lines) {
      OpReply bad = line(store, c, line);
      if (bad != null) return new Checked(null, bad);
    }
    in.set("AccountID", c.get("AccountID"))
        .set("AccountCode", c.get("Code"))
        .set("Ledger", "Sales");
    if (in.get("AccountName") == null) in.set("AccountName", c.get("Name"));
    if (in.get("CurrencyCode") == null) in.set("CurrencyCode", c.get("CurrencyCode"));
    in.set("CurrrencyCode", in.get("CurrencyCode"));
    if (in.decimal("ExchangeRate").signum() <= 0) {
      in.set("ExchangeRate", InvoiceTemplates.exchangeRate(in.get("CurrencyCode")));
    }
    in.items(lines);
    InvoiceMath.total(in);
    return new Checked(in, null);
  }

  /**
   * True if another invoice, or a sales-invoice transaction not posted from invoice {@code selfId}
   * (a batch invoice), already carries {@code ref}.
   */
  static boolean taken(EntityStore store, String ref, long selfId) {
    if (ref == null || ref.isBlank()) return false;
    for (AccountsIqRecord other : store.invoices.byReference(ref))
      if (other.integer("InvoiceID") != selfId) return true;
    for (AccountsIqRecord t : store.transactions.byReference(ref)) {
      if ("SI".equals(t.get("TransactionType")) && t.integer("InvoiceID") != selfId) return true;
    }
    return false;
  }

  private static OpReply line(EntityStore store, AccountsIqRecord customer, AccountsIqRecord line) {
    String item = line.get("StockItemID");
    long index = -1;
    if (item != null && !item.isBlank()) {
      index = store.stock.indexOf(item);
      if (index < 0)
        return OpReply.failure(
            "STOCKITEM_ID_DOES_NOT_EXIST", "Stock item '" + item + "' does not exist.");
      if (line.get("StockItemDescription") == null) {
        line.set("StockItemDescription", store.stock.product(index).description());
      }
    }
    if (line.get("TaxCode") == null || line.get("TaxCode").isBlank()) {
      line.set(
          "TaxCode",
          index >= 0 ? store.stock.product(index).taxCode() : customer.get("DefaultTaxCode"));
    }
    BigDecimal rate = ChartOfAccounts.taxRate(line.get("TaxCode"));
    if (rate == null) {
      return OpReply.failure(
          "TAX_CODE_DOES_NOT_EXIST", "Tax code '" + line.get("TaxCode") + "' does not exist.");
    }
    String gl = line.get("GLAccountCode");
    if (gl == null || gl.isBlank()) line.set("GLAccountCode", "4000");
    else if (!ChartOfAccounts.glExists(gl)) {
      return OpReply.failure(
          "GLACCOUNT_CODE_DOES_NOT_EXIST", "GL account '" + gl + "' does not exist.");
    }
    if (line.decimal("DeliveredQuantity").signum() == 0)
      line.set("DeliveredQuantity", line.get("InvoicedQuantity"));
    InvoiceMath.priceLine(line, rate);
    return null;
  }

  private static Checked refuse(String code, String message) {
    return new Checked(null, OpReply.failure(code, message));
  }
}
