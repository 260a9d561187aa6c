package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Wire shapes (§1.5, §1.8): element names and order, nil, formats, and the settings that vary them.
 */
class AccountsIqShapeTest extends SimulatorFixture {

  @Test
  void resultEnvelopeOrderAndRecordElementOrder() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    Element result =
        AccountsIqSoap.result(
            soap.call11("GetCustomer", token, el("customerCode", "C000001")), "GetCustomer");
    assertThat(AccountsIqSoap.names(result))
        .containsExactly("Status", "ErrorCode", "HasExpired", "Result");
    List<String> account = AccountsIqSoap.names(AccountsIqSoap.child(result, "Result"));
    assertThat(account)
        .startsWith("AccountID", "ExternalApproverID", "LedgerType", "Code")
        .endsWith("IsFranchise", "RowVersionNumber", "SalesRepresentativeID")
        .containsSubsequence(
            "CreationDate",
            "Address1",
            "City",
            "Email",
            "DiscountRate",
            "IsActive",
            "Hold",
            "HeadOfficeAccountID",
            "CreditLimit");
    Element c = AccountsIqSoap.child(result, "Result");
    assertThat(AccountsIqSoap.isNil(AccountsIqSoap.child(c, "ExternalApproverID"))).isTrue();
    assertThat(AccountsIqSoap.child(c, "Fax"))
        .as("null optional strings are omitted by default")
        .isNull();
    assertThat(AccountsIqSoap.text(c, "CreationDate"))
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    assertThat(AccountsIqSoap.text(c, "IsActive")).isIn("true", "false");

    Element inv =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetInvoice", token, el("invoiceID", 1001)), "GetInvoice"),
            "Result");
    List<String> names = AccountsIqSoap.names(inv);
    assertThat(names)
        .startsWith("InvoiceID", "AccountID")
        .containsSubsequence("CurrencyCode", "CurrrencyCode", "AccountTaxCode")
        .containsSubsequence("RowVersionNumber", "Lines", "IsPrinted")
        .endsWith("AuthorUserName", "AccountCode");
    assertThat(names.indexOf("CurrrencyCode")).isEqualTo(names.indexOf("CurrencyCode") + 1);
    assertThat(AccountsIqSoap.isNil(AccountsIqSoap.child(inv, "OrderID"))).isTrue();
    Element line =
        AccountsIqSoap.children(AccountsIqSoap.child(inv, "Lines"), "InvoiceLine").get(0);
    assertThat(AccountsIqSoap.names(line))
        .startsWith("InvoiceItemID", "InvoiceID", "OrderItemID", "StockItemID")
        .endsWith("DeliveryItemID", "RowVersionNumber")
        .doesNotContain("ProjectNumber");
    assertThat(AccountsIqSoap.text(line, "NetAmount")).matches("-?\\d+\\.\\d{2}");
  }

  @Test
  void failuresOfEachResultType() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    Element optional =
        AccountsIqSoap.result(
            soap.call11("GetStockItem", token, el("stockItemID", "NOPE")), "GetStockItem");
    assertThat(AccountsIqSoap.names(optional))
        .containsExactly("Status", "ErrorCode", "ErrorMessage", "HasExpired");
    assertThat(AccountsIqSoap.text(optional, "ErrorCode")).isEqualTo("STOCKITEM_ID_DOES_NOT_EXIST");
    Element string =
        AccountsIqSoap.result(
            soap.call11(
                "UpdateCustomerGetbackCustomerCode",
                token,
                "<customer><Code>lower</Code><Name>x</Name></customer>" + el("create", true)),
            "UpdateCustomerGetbackCustomerCode");
    assertThat(AccountsIqSoap.names(string))
        .as("WSResult2OfString: Result minOccurs=0")
        .doesNotContain("Result");
    Element bool =
        AccountsIqSoap.result(
            soap.call11(
                "UpdateCustomer",
                token,
                "<customer><Code>lower</Code><Name>x</Name></customer>" + el("create", true)),
            "UpdateCustomer");
    assertThat(AccountsIqSoap.text(bool, "Result"))
        .as("WSResult2OfBoolean: Result minOccurs=1")
        .isEqualTo("false");
    Element stock =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetStockItem", token, el("stockItemID", "SKU00002")), "GetStockItem"),
            "Result");
    assertThat(AccountsIqSoap.names(stock))
        .startsWith("StockItemID", "Description")
        .endsWith("RowVersionNumber", "Weight");
    Element chart =
        AccountsIqSoap.children(
                AccountsIqSoap.child(
                    AccountsIqSoap.result(
                        soap.call11("GetChartOfAccounts", token, ""), "GetChartOfAccounts"),
                    "Result"),
                "WSChartOfAccountLine")
            .get(0);
    assertThat(AccountsIqSoap.names(chart))
        .startsWith("Code", "Description", "AccountType")
        .endsWith("IsActive", "CurrencyCode");
  }

  @Test
  void nilStringsZonedDatesAndFractionsAreSettings() {
    start(
        AccountsIqSettings.defaults()
            .withNullStrings(AccountsIqSettings.NullStrings.NIL)
            .withDateTimes(AccountsIqSettings.DateTimes.UTC_Z, true));
    clock.advance(Duration.ofMillis(250));
    String token = token11();
    Element c =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetCustomer", token, el("customerCode", "C000001")), "GetCustomer"),
            "Result");
    assertThat(AccountsIqSoap.isNil(AccountsIqSoap.child(c, "Fax"))).isTrue();
    assertThat(AccountsIqSoap.names(c)).as("every Account element of the WSDL").hasSize(69);
    assertThat(AccountsIqSoap.text(c, "CreationDate")).isEqualTo("2022-01-03T08:00:00Z");
    Element template =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetNewSalesInvoice", token, el("customerCode", "C000001")),
                "GetNewSalesInvoice"),
            "Result");
    assertThat(AccountsIqSoap.text(template, "CreationDate")).isEqualTo("2025-03-18T15:52:42.25Z");
    Element ok =
        AccountsIqSoap.result(
            soap.call11("GetCustomer", token, el("customerCode", "C000001")), "GetCustomer");
    assertThat(AccountsIqSoap.isNil(AccountsIqSoap.child(ok, "ErrorMessage"))).isTrue();
  }

  @Test
  void datesAreAcceptedWithOrWithoutZone() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    String zoned =
        "<query><FromDate>2022-01-01T00:00:00Z</FromDate><ToDate>2022-02-01T00:00:00+01:00</ToDate>"
            + "<FromCreationDate>2022-01-01</FromCreationDate>"
            + "<ToCreationDate>2030-01-01T00:00:00.0000000</ToCreationDate></query>";
    Element r = AccountsIqSoap.result(soap.call11("GetInvoicesBy", token, zoned), "GetInvoicesBy");
    assertThat(AccountsIqSoap.text(r, "Status")).isEqualTo("Success");
    assertThat(AccountsIqSoap.children(AccountsIqSoap.child(r, "Result"), "Invoice")).isNotEmpty();
  }
}
