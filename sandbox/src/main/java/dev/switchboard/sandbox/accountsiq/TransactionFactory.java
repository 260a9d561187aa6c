package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@code WSTransactionSummary} records with their {@code LineDetails} (control, net, tax or
 * bank lines, balanced) for generated and posted transactions alike. Type codes are those of {@code
 * a-z.md} (§1.8): SI sales invoice, SN sales credit note, SR sales receipt, PI purchase invoice, PP
 * purchase payment.
 *
 * @param type transaction type code
 * @param id TransactionID
 * @param account the customer or supplier
 * @param externalReference caller's reference (invoice ExternalReference, receipt CheckReference)
 * @param net net amount (0 for receipts and payments), positive
 * @param tax tax amount, positive
 * @param taxCode tax code of the tax line, or null
 * @param transactionDate the document date
 * @param created when it was entered
 * @param invoiceId InvoiceID for posted invoices, else 0
 * @param batch a batch invoice (GL lines, no stock)
 */
record TransactionFactory(
    String type,
    long id,
    AccountsIqRecord account,
    String externalReference,
    BigDecimal net,
    BigDecimal tax,
    String taxCode,
    LocalDateTime transactionDate,
    LocalDateTime created,
    long invoiceId,
    boolean batch) {

  private static final String BANK_GL = "1200";

  AccountsIqRecord build() {
    boolean sales = type.startsWith("S");
    boolean payment = type.equals("SR") || type.equals("PP");
    BigDecimal gross = net.add(tax);
    // Sign of the control line: debit (+) raises what the account owes us / lowers what we owe.
    BigDecimal control =
        switch (type) {
          case "SI", "PP" -> gross;
          default -> gross.negate();
        };
    String currency = account.get("CurrencyCode");
    BigDecimal rate = new BigDecimal(InvoiceTemplates.exchangeRate(currency));
    String controlGl = sales ? "1100" : "2100";
    List<AccountsIqRecord> details = new ArrayList<>();
    details.add(detail(controlGl, true, false, control, null, currency, rate));
    if (payment) {
      details.add(detail(BANK_GL, false, false, control.negate(), null, currency, rate));
    } else {
      BigDecimal sign = BigDecimal.valueOf(control.signum() == 0 ? -1 : -control.signum());
      String netGl = sales ? (batch ? "4010" : "4000") : "5000";
      details.add(detail(netGl, false, false, net.multiply(sign), null, currency, rate));
      if (tax.signum() != 0 || taxCode != null) {
        details.add(
            detail(
                sales ? "2200" : "2210", false, true, tax.multiply(sign), taxCode, currency, rate));
      }
    }
    LocalDateTime period = transactionDate.toLocalDate().withDayOfMonth(1).atStartOfDay();
    return new AccountsIqRecord(WsdlTypes.TRANSACTION_SUMMARY)
        .set("AccountID", account.get("AccountID"))
        .set("AccountCode", account.get("Code"))
        .set("Ledger", sales ? "Sales" : "Purchases")
        .set("TransactionType", type)
        .set("TransactionID", id)
        .set("IsBatchInvoiceOrNote", batch)
        .set("InvoiceID", invoiceId)
        .set("InternalNumber", type + AccountsIqSeeds.digits(id, 6))
        .set("ExternalReference", externalReference)
        .set("ControlAmount", control)
        .set("OutstandingAmount", payment ? BigDecimal.ZERO.setScale(2) : control)
        .set("ControlBCAmount", InvoiceMath.money(control.multiply(rate)))
        .set("TransactionDate", transactionDate)
        .set("FinancialYear", transactionDate.getYear())
        .set("PeriodNumber", transactionDate.getMonthValue())
        .set(
            "PeriodName",
            transactionDate.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + " "
                + transactionDate.getYear())
        .set("CreationDate", created)
        .items(details)
        .set("CurrencyCode", currency)
        .set("PeriodDate", period)
        .set("CreatedBy", "api")
        .set("AccountName", account.get("Name"))
        .set("TransactionBankGLAccountNumber", payment ? BANK_GL : null)
        .set("IsReversed", false)
        .set("IsInDispute", false)
        .set("NumberOfAttachments", 0)
        .set("DueDate", payment ? null : transactionDate.plusDays(30));
  }

  private AccountsIqRecord detail(
      String gl,
      boolean control,
      boolean taxLine,
      BigDecimal amount,
      String taxId,
      String currency,
      BigDecimal rate) {
    return new AccountsIqRecord(WsdlTypes.TRANSACTION_DETAIL)
        .set("GLAccountCode", gl)
        .set("IsControlLine", control)
        .set("IsTaxLine", taxLine)
        .set("IsStockLine", false)
        .set("Amount", InvoiceMath.money(amount))
        .set("BCAmount", InvoiceMath.money(amount.multiply(rate)))
        .set("TaxID", taxId)
        .set("CurrencyCode", currency)
        .set("IsReconciled", false)
        .set("TransactionDate", transactionDate)
        .set("PeriodDate", transactionDate.toLocalDate().withDayOfMonth(1).atStartOfDay())
        .set("ExchangeRate", rate.toPlainString());
  }
}
