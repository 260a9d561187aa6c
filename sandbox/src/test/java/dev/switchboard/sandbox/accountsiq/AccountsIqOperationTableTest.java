package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every simulated data operation, on both endpoints: HTTP 200, {@code <Op>Response/<Op>Result}, the
 * result envelope in order, the list item element, and out-parameters after the result.
 */
class AccountsIqOperationTableTest extends SimulatorFixture {
  private static final String DATES =
      el("FromDate", "2020-01-01T00:00:00")
          + el("ToDate", "2030-01-01T00:00:00")
          + el("FromCreationDate", "2020-01-01T00:00:00")
          + el("ToCreationDate", "2030-01-01T00:00:00");

  /**
   * Operation, request children, list item element (null: not a list), out-parameter (null: none).
   */
  private record Case(String op, String inner, String item, String outParam) {}

  private static final List<Case> CASES =
      List.of(
          new Case("GetCustomerList", "", "Customer", null),
          new Case("GetActiveCustomerList", "", "Customer", null),
          new Case("GetCustomer", el("customerCode", "C000002"), null, null),
          new Case(
              "GetCustomersBy",
              "<query>"
                  + el("Emails", "<string>accounts@acmeltd.example.com</string>")
                  + "<FromLastModifiedDateInUTC xsi:nil=\"true\"/></query>",
              "Customer",
              null),
          new Case("GetNewCustomerFromDefaults", "", null, null),
          new Case("GetSupplierList", "", "Supplier", null),
          new Case("GetActiveSupplierList", "", "Supplier", null),
          new Case("GetSupplier", el("supplierCode", "S000001"), null, null),
          new Case(
              "GetSuppliersBy",
              "<query><ExcludeExpenseSuppliers>false</ExcludeExpenseSuppliers>"
                  + "<FromLastModifiedDateInUTC>2020-01-01T00:00:00</FromLastModifiedDateInUTC></query>",
              "Supplier",
              null),
          new Case("GetNewSupplierFromDefaults", "", null, null),
          new Case("GetChartOfAccounts", "", "WSChartOfAccountLine", null),
          new Case("GetStockItemList", "", "StockItem", null),
          new Case("GetActiveStockItemList", "", "StockItem", null),
          new Case("GetStockItem", el("stockItemID", "SKU00001"), null, null),
          new Case("GetNewSalesInvoice", el("customerCode", "C000002"), null, null),
          new Case("GetInvoice", el("invoiceID", 1002), null, null),
          new Case(
              "GetInvoicesBy", "<query>" + DATES + el("Limit", 3) + "</query>", "Invoice", null),
          new Case(
              "GetInvoicesByExternalReference",
              el("externalReference", "GEN-1003"),
              "Invoice",
              null),
          new Case(
              "GetTransactionsBy",
              "<query>" + DATES + el("Skip", 2990) + "</query>",
              "WSTransactionSummary",
              null),
          new Case(
              "GetTransactionsByExternalReference",
              "<query>" + el("ExternalReference", "GEN-T100004") + "</query>",
              "WSTransactionSummary",
              null),
          new Case("PostInvoiceGetBackTransactionID", el("invoiceID", 3500), null, "transactionID"),
          new Case(
              "SaveSalesReceiptGetBackTransactionID",
              AccountsIqPostingTest.receipt("C000002", "T-CHK", "1210"),
              null,
              "transactionID"),
          new Case(
              "CreateBatchSalesInvoiceGetBackTransactionID",
              AccountsIqPostingTest.batch("C000002", null, "4000", "RED"),
              null,
              "transactionID"));

  @Test
  void everyOperationOnTheOneOneEndpoint() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    for (Case c : CASES) check(c, soap.call11(c.op(), token, c.inner()));
  }

  @Test
  void everyOperationOnTheTwoZeroEndpoint() {
    start(AccountsIqSettings.defaults());
    String access = access20();
    for (Case c : CASES) check(c, soap.call20(c.op(), COMPANY, access, c.inner()));
  }

  private static void check(Case c, HttpResponse<String> r) {
    assertThat(r.statusCode()).as(c.op() + ": " + r.body()).isEqualTo(200);
    Element response = AccountsIqSoap.body(r);
    assertThat(response.getLocalName()).isEqualTo(c.op() + "Response");
    assertThat(response.getNamespaceURI()).isEqualTo(AccountsIqSoap.NS);
    assertThat(AccountsIqSoap.names(response))
        .as(c.op())
        .containsExactlyElementsOf(
            c.outParam() == null
                ? List.of(c.op() + "Result")
                : List.of(c.op() + "Result", c.outParam()));
    Element result = AccountsIqSoap.child(response, c.op() + "Result");
    assertThat(AccountsIqSoap.text(result, "Status"))
        .as(c.op() + ": " + r.body())
        .isIn("Success", "Created");
    List<String> names = AccountsIqSoap.names(result);
    assertThat(names.subList(0, 3)).as(c.op()).containsExactly("Status", "ErrorCode", "HasExpired");
    if (c.outParam() != null) {
      assertThat(Integer.parseInt(AccountsIqSoap.text(response, c.outParam())))
          .as(c.op())
          .isPositive();
    } else {
      assertThat(names).as(c.op()).endsWith("Result");
    }
    if (c.item() != null) {
      List<Element> items = AccountsIqSoap.children(AccountsIqSoap.child(result, "Result"), null);
      assertThat(items).as(c.op() + " has items").isNotEmpty();
      assertThat(items).allSatisfy(e -> assertThat(e.getLocalName()).isEqualTo(c.item()));
    }
  }
}
