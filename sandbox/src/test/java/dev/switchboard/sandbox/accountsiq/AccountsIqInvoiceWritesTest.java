package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The invoice workflow of §1.6: GetNewSalesInvoice → SaveInvoiceGetBackInvoiceID →
 * PostInvoiceGetBackTransactionID.
 */
class AccountsIqInvoiceWritesTest extends SimulatorFixture {

  @Test
  void templateSaveAndPost() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    HttpResponse<String> saved =
        save(token, "ORDER-1", "C000002", RecordXml.line("SKU00002", "3", "10.00", "STD"));
    Element resp = AccountsIqSoap.body(saved);
    assertThat(AccountsIqSoap.names(resp))
        .as("invoiceID is a sibling AFTER the result")
        .containsExactly("SaveInvoiceGetBackInvoiceIDResult", "invoiceID");
    Element result = AccountsIqSoap.child(resp, "SaveInvoiceGetBackInvoiceIDResult");
    assertThat(AccountsIqSoap.names(result)).containsExactly("Status", "ErrorCode", "HasExpired");
    assertThat(AccountsIqSoap.text(result, "Status")).isEqualTo("Created");
    int id = Integer.parseInt(AccountsIqSoap.text(resp, "invoiceID"));
    assertThat(id).isEqualTo(1001 + 2_500);

    Element inv =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetInvoice", token, el("invoiceID", id)), "GetInvoice"),
            "Result");
    assertThat(AccountsIqSoap.text(inv, "Status")).isEqualTo("Processed");
    assertThat(AccountsIqSoap.text(inv, "NetAmount")).isEqualTo("30.00");
    assertThat(AccountsIqSoap.text(inv, "TaxAmount")).isEqualTo("6.90");
    assertThat(AccountsIqSoap.text(inv, "GrossAmount")).isEqualTo("36.90");
    assertThat(AccountsIqSoap.text(inv, "CurrrencyCode"))
        .isEqualTo(AccountsIqSoap.text(inv, "CurrencyCode"));
    assertThat(AccountsIqSoap.text(inv, "LastModifiedUTC")).isEqualTo("2025-03-18T15:52:42");

    Element posted =
        AccountsIqSoap.body(
            soap.call11("PostInvoiceGetBackTransactionID", token, el("invoiceID", id)));
    assertThat(AccountsIqSoap.names(posted))
        .containsExactly("PostInvoiceGetBackTransactionIDResult", "transactionID");
    int tx = Integer.parseInt(AccountsIqSoap.text(posted, "transactionID"));
    assertThat(sim.data(COMPANY).invoiceStatus(id)).hasValue("Posted");
    assertThat(sim.data(COMPANY).transactionType(tx)).hasValue("SI");

    Element found =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11(
                    "GetTransactionsByExternalReference",
                    token,
                    "<query><ExternalReference>ORDER-1</ExternalReference></query>"),
                "GetTransactionsByExternalReference"),
            "Result");
    Element summary = AccountsIqSoap.children(found, "WSTransactionSummary").get(0);
    assertThat(AccountsIqSoap.text(summary, "TransactionID")).isEqualTo(Integer.toString(tx));
    assertThat(AccountsIqSoap.text(summary, "InvoiceID")).isEqualTo(Integer.toString(id));
    assertThat(AccountsIqSoap.text(summary, "ControlAmount")).isEqualTo("36.90");

    Element again =
        AccountsIqSoap.body(
            soap.call11("PostInvoiceGetBackTransactionID", token, el("invoiceID", id)));
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.child(again, "PostInvoiceGetBackTransactionIDResult"), "Status"))
        .isEqualTo("Failure");
    assertThat(AccountsIqSoap.text(again, "transactionID")).isEqualTo("0");
    assertThat(sim.stats().writesApplied("SaveInvoiceGetBackInvoiceID")).isEqualTo(1);
    assertThat(sim.stats().writesApplied("PostInvoiceGetBackTransactionID")).isEqualTo(1);
  }

  @Test
  void aDuplicateExternalReferenceFails() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    save(token, "ORDER-7", "C000002", RecordXml.line("SKU00001", "1", "5.00", null));
    Element dup =
        AccountsIqSoap.body(
            save(token, "ORDER-7", "C000004", RecordXml.line("SKU00001", "1", "5.00", null)));
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.child(dup, "SaveInvoiceGetBackInvoiceIDResult"), "ErrorCode"))
        .isEqualTo("INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS");
    assertThat(AccountsIqSoap.text(dup, "invoiceID")).isEqualTo("0");
    Element generated = AccountsIqSoap.body(save(token, "GEN-1001", "C000002", ""));
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.child(generated, "SaveInvoiceGetBackInvoiceIDResult"), "ErrorCode"))
        .as("generated history counts too")
        .isEqualTo("INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS");
    assertThat(sim.data(COMPANY).invoiceIdsByExternalReference("ORDER-7")).hasSize(1);
    Element list =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11(
                    "GetInvoicesByExternalReference", token, el("externalReference", "ORDER-7")),
                "GetInvoicesByExternalReference"),
            "Result");
    assertThat(AccountsIqSoap.children(list, "Invoice")).hasSize(1);
  }

  @Test
  void duplicatesCanBeAllowed() {
    start(AccountsIqSettings.defaults().withRejectDuplicateExternalReference(false));
    String token = token11();
    save(token, "ORDER-7", "C000002", "");
    save(token, "ORDER-7", "C000002", "");
    assertThat(sim.data(COMPANY).invoiceIdsByExternalReference("ORDER-7")).hasSize(2);
  }

  @Test
  void unknownThingsAreRefused() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    assertThat(error(save(token, "A", "C000002", RecordXml.line("NOSUCH", "1", "1", null))))
        .isEqualTo("STOCKITEM_ID_DOES_NOT_EXIST");
    assertThat(error(save(token, "B", "C000002", RecordXml.line("SKU00001", "1", "1", "VAT99"))))
        .isEqualTo("TAX_CODE_DOES_NOT_EXIST");
    String noSuchCustomer =
        "<invoice>"
            + el("InvoiceID", 0)
            + el("AccountID", 999_999)
            + "</invoice>"
            + el("create", true);
    assertThat(error(soap.call11("SaveInvoiceGetBackInvoiceID", token, noSuchCustomer)))
        .isEqualTo("CUSTOMER_ID_DOES_NOT_EXIST");
    Element template =
        AccountsIqSoap.result(
            soap.call11("GetNewSalesInvoice", token, el("customerCode", "NOPE")),
            "GetNewSalesInvoice");
    assertThat(AccountsIqSoap.text(template, "ErrorCode"))
        .isEqualTo("CUSTOMER_CODE_DOES_NOT_EXIST");
    Element post =
        AccountsIqSoap.body(
            soap.call11("PostInvoiceGetBackTransactionID", token, el("invoiceID", 424242)));
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.child(post, "PostInvoiceGetBackTransactionIDResult"), "ErrorCode"))
        .isEqualTo("INVOICE_ID_DOES_NOT_EXIST");
    String update =
        "<invoice>"
            + el("InvoiceID", 424242)
            + el("AccountID", 2)
            + "</invoice>"
            + el("create", false);
    Element notCreated =
        AccountsIqSoap.body(soap.call11("SaveInvoiceGetBackInvoiceID", token, update));
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.child(notCreated, "SaveInvoiceGetBackInvoiceIDResult"), "Status"))
        .isEqualTo("NotCreated");
    assertThat(sim.data(COMPANY).createdInvoiceCount()).isZero();
  }

  private HttpResponse<String> save(
      String token, String externalReference, String customer, String lines) {
    return soap.saveNewInvoice(token, externalReference, customer, lines);
  }

  private static String error(HttpResponse<String> r) {
    return AccountsIqSoap.text(AccountsIqSoap.firstElement(AccountsIqSoap.body(r)), "ErrorCode");
  }
}
