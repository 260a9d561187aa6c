package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * {@code dropConnectionAfterWrite}: the write is applied, the answer never comes. A connector must
 * then look the record up by ExternalReference (§1.6 "Idempotency: there is none built in") and
 * never create it twice.
 */
class AccountsIqDropConnectionTest extends SimulatorFixture {

  @Test
  void theInvoiceIsSavedButTheAnswerIsLost() {
    start(AccountsIqSettings.defaults());
    sim.setScenario(
        COMPANY,
        AccountsIqScenario.none().withDropConnectionAfterWrite("SaveInvoiceGetBackInvoiceID", 1));
    String token = token11();
    String line = RecordXml.line("SKU00003", "2", "9.99", null);
    assertThatThrownBy(() -> soap.saveNewInvoice(token, "DROP-1", "C000002", line))
        .hasCauseInstanceOf(IOException.class);
    assertThat(sim.data(COMPANY).invoiceIdsByExternalReference("DROP-1"))
        .as("the write WAS applied")
        .hasSize(1);
    assertThat(sim.stats().connectionsDropped()).isEqualTo(1);
    assertThat(sim.stats().writesApplied("SaveInvoiceGetBackInvoiceID")).isEqualTo(1);

    // What a correct connector does next: look it up, find it, do not create it again.
    Element found =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11(
                    "GetInvoicesByExternalReference", token, el("externalReference", "DROP-1")),
                "GetInvoicesByExternalReference"),
            "Result");
    assertThat(AccountsIqSoap.children(found, "Invoice")).hasSize(1);
    // A blind replay is refused rather than duplicated (INVOICE_EXTERNAL_REFERENCE_ALREADY_EXISTS).
    HttpResponse<String> replay = soap.saveNewInvoice(token, "DROP-1", "C000002", "");
    assertThat(
            AccountsIqSoap.text(AccountsIqSoap.firstElement(AccountsIqSoap.body(replay)), "Status"))
        .isEqualTo("Failure");
    assertThat(sim.data(COMPANY).invoiceIdsByExternalReference("DROP-1")).hasSize(1);
  }

  @Test
  void onlyTheConfiguredTimesAndOperation() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    String scenario =
        "{\"dropConnectionAfterWrite\":{\"operation\":\"SaveSalesReceiptGetBackTransactionID\",\"times\":1}}";
    String receipt = AccountsIqPostingTest.receipt("C000001", "CHK-DROP", "1200");
    assertThat(
            AccountsIqSoap.text(
                AccountsIqSoap.result(
                    soap.call11(
                        "GetCustomer",
                        token,
                        el("customerCode", "C000001"),
                        "x-sandbox-scenario",
                        scenario),
                    "GetCustomer"),
                "Status"))
        .as("other operations answer")
        .isEqualTo("Success");
    assertThatThrownBy(
            () ->
                soap.call11(
                    "SaveSalesReceiptGetBackTransactionID",
                    token,
                    receipt,
                    "x-sandbox-scenario",
                    scenario))
        .hasCauseInstanceOf(IOException.class);
    assertThat(sim.data(COMPANY).transactionIdsByExternalReference("CHK-DROP")).hasSize(1);
    String query = "<query><ExternalReference>CHK-DROP</ExternalReference></query>";
    Element found =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetTransactionsByExternalReference", token, query),
                "GetTransactionsByExternalReference"),
            "Result");
    assertThat(AccountsIqSoap.children(found, "WSTransactionSummary")).hasSize(1);
    HttpResponse<String> second =
        soap.call11(
            "SaveSalesReceiptGetBackTransactionID",
            token,
            AccountsIqPostingTest.receipt("C000001", "CHK-NEXT", "1200"),
            "x-sandbox-scenario",
            scenario);
    assertThat(second.statusCode()).as("times=1: the next write answers").isEqualTo(200);
    assertThat(sim.stats().connectionsDropped()).isEqualTo(1);
  }
}
