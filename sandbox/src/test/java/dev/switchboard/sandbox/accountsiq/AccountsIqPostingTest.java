package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Direct postings (§1.6 #16, #19): batch sales invoices and sales receipts. */
class AccountsIqPostingTest extends SimulatorFixture {

  @Test
  void batchSalesInvoiceAnswersAStringResultAndATransactionIdSibling() {
    start(AccountsIqSettings.defaults());
    String access = access20();
    Element resp =
        AccountsIqSoap.body(
            soap.call20(
                "CreateBatchSalesInvoiceGetBackTransactionID",
                COMPANY,
                access,
                batch("C000005", "BATCH-1", "4010", "STD")));
    assertThat(AccountsIqSoap.names(resp))
        .containsExactly("CreateBatchSalesInvoiceGetBackTransactionIDResult", "transactionID");
    Element result =
        AccountsIqSoap.child(resp, "CreateBatchSalesInvoiceGetBackTransactionIDResult");
    assertThat(AccountsIqSoap.names(result))
        .containsExactly("Status", "ErrorCode", "HasExpired", "Result");
    assertThat(AccountsIqSoap.text(result, "Status")).isEqualTo("Created");
    String tx = AccountsIqSoap.text(resp, "transactionID");
    assertThat(AccountsIqSoap.text(result, "Result")).isEqualTo(tx);
    Element summary =
        AccountsIqSoap.children(
                AccountsIqSoap.child(
                    AccountsIqSoap.result(
                        soap.call20(
                            "GetTransactionsByExternalReference",
                            COMPANY,
                            access,
                            "<query><ExternalReference>BATCH-1</ExternalReference></query>"),
                        "GetTransactionsByExternalReference"),
                    "Result"),
                "WSTransactionSummary")
            .get(0);
    assertThat(AccountsIqSoap.text(summary, "IsBatchInvoiceOrNote")).isEqualTo("true");
    assertThat(AccountsIqSoap.text(summary, "ControlAmount")).isEqualTo("123.00");
    assertThat(AccountsIqSoap.text(summary, "TransactionDate")).isEqualTo("2025-03-01T00:00:00");
  }

  @Test
  void batchSalesInvoiceRules() {
    start(AccountsIqSettings.defaults());
    String access = access20();
    assertThat(batchError(access, batch("NOPE", "B-1", "4010", "STD")))
        .isEqualTo("CUSTOMER_CODE_DOES_NOT_EXIST");
    assertThat(batchError(access, batch("C000005", "B-2", "9999", "STD")))
        .isEqualTo("GLACCOUNT_CODE_DOES_NOT_EXIST");
    assertThat(batchError(access, batch("C000005", "B-3", "4010", "NOPE")))
        .isEqualTo("TAX_CODE_DOES_NOT_EXIST");
    assertThat(
            batchError(
                access,
                batch("C000005", "B-4", "4010", "STD")
                    .replace("<ExchangeRate>1</ExchangeRate>", "")))
        .isEqualTo("CURRENCY_CANNOT_HAVE_ZERO_EXCHANGE_RATE");
    assertThat(batchError(access, batch("C000005", "B-5", "4010", "STD"))).isEqualTo("SUCCESS");
    assertThat(batchError(access, batch("C000006", "B-5", "4010", "STD")))
        .isEqualTo("INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS");
    assertThat(sim.data(COMPANY).transactionIdsByExternalReference("B-5")).hasSize(1);
  }

  @Test
  void salesReceiptNeedsBankAccountCheckReferenceAndCustomer() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    assertThat(receiptError(token, receipt(null, "CHK-1", "1200")))
        .isEqualTo("ACCOUNT_CODE_IS_NULL");
    assertThat(receiptError(token, receipt("C000001", null, "1200"))).isEqualTo("UNKNOWN");
    assertThat(receiptError(token, receipt("C000001", "CHK-1", null)))
        .isEqualTo("BANK_CODE_IS_NULL");
    assertThat(receiptError(token, receipt("C000001", "CHK-1", "4000")))
        .isEqualTo("BANK_ACCOUNT_DOES_NOT_EXIST");
    assertThat(receiptError(token, receipt("NOPE", "CHK-1", "1200")))
        .isEqualTo("CUSTOMER_CODE_DOES_NOT_EXIST");
    assertThat(sim.data(COMPANY).createdTransactionCount()).isZero();
    Element ok =
        AccountsIqSoap.body(
            soap.call11(
                "SaveSalesReceiptGetBackTransactionID",
                token,
                receipt("C000001", "CHK-1", "1200")));
    assertThat(AccountsIqSoap.names(ok))
        .containsExactly("SaveSalesReceiptGetBackTransactionIDResult", "transactionID");
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.child(ok, "SaveSalesReceiptGetBackTransactionIDResult"), "Status"))
        .isEqualTo("Created");
    int tx = Integer.parseInt(AccountsIqSoap.text(ok, "transactionID"));
    assertThat(sim.data(COMPANY).transactionIdsByExternalReference("CHK-1")).containsExactly(tx);
    assertThat(sim.data(COMPANY).transactionType(tx)).hasValue("SR");
  }

  static String batch(String customer, String ref, String gl, String tax) {
    return "<inv>"
        + el("CustomerCode", customer)
        + el("InvoiceDate", "2025-03-01T00:00:00")
        + el("ExternalReference", ref)
        + el("Description", "Web order")
        + "<Lines><BatchSalesInvoiceLine>"
        + el("GLAccountCode", gl)
        + el("TaxCode", tax)
        + el("NetAmount", "100.00")
        + el("TaxRate", "23")
        + "<TaxAmount xsi:nil=\"true\"/></BatchSalesInvoiceLine></Lines>"
        + el("ExchangeRate", "1")
        + "</inv>";
  }

  static String receipt(String customer, String check, String bank) {
    return "<salesReceipt>"
        + el("CustomerCode", customer)
        + el("CheckReference", check)
        + el("PaymentAmount", "50.00")
        + el("BankAccountCode", bank)
        + el("PaymentDate", "2025-03-17T00:00:00Z")
        + el("ExchangeRate", "1")
        + el("BankExchangeRate", "1")
        + "</salesReceipt>";
  }

  private String batchError(String access, String inv) {
    return AccountsIqSoap.text(
        AccountsIqSoap.result(
            soap.call20("CreateBatchSalesInvoiceGetBackTransactionID", COMPANY, access, inv),
            "CreateBatchSalesInvoiceGetBackTransactionID"),
        "ErrorCode");
  }

  private String receiptError(String token, String receipt) {
    return AccountsIqSoap.text(
        AccountsIqSoap.result(
            soap.call11("SaveSalesReceiptGetBackTransactionID", token, receipt),
            "SaveSalesReceiptGetBackTransactionID"),
        "ErrorCode");
  }
}
