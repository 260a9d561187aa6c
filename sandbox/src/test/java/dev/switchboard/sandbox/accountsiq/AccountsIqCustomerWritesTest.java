package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Customer/supplier writes (§1.6 workflows, §1.10.6): uppercase code, NotCreated, Conflicted. */
class AccountsIqCustomerWritesTest extends SimulatorFixture {

  @Test
  void createFromDefaultsThenReadBack() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    Element template =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetNewCustomerFromDefaults", token, ""), "GetNewCustomerFromDefaults"),
            "Result");
    assertThat(AccountsIqSoap.text(template, "AccountID")).isEqualTo("0");
    assertThat(AccountsIqSoap.child(template, "Code"))
        .as("the system does not generate codes")
        .isNull();
    Element created =
        AccountsIqSoap.result(
            soap.call11(
                "UpdateCustomer", token, customer("NEWCO1", "New Co", null) + el("create", true)),
            "UpdateCustomer");
    assertThat(AccountsIqSoap.names(created))
        .containsExactly("Status", "ErrorCode", "HasExpired", "Result");
    assertThat(AccountsIqSoap.text(created, "Status")).isEqualTo("Created");
    assertThat(AccountsIqSoap.text(created, "Result")).isEqualTo("true");
    Element read =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetCustomer", token, el("customerCode", "NEWCO1")), "GetCustomer"),
            "Result");
    assertThat(AccountsIqSoap.text(read, "Name")).isEqualTo("New Co");
    assertThat(Long.parseLong(AccountsIqSoap.text(read, "AccountID")))
        .isGreaterThanOrEqualTo(5_000_001L);
    assertThat(AccountsIqSoap.text(read, "RowVersionNumber")).matches("[A-Za-z0-9+/]{11}=");
    assertThat(sim.stats().writesApplied("UpdateCustomer")).isEqualTo(1);
    assertThat(sim.data(COMPANY).customerName("NEWCO1")).hasValue("New Co");
  }

  @Test
  void codeIsMandatoryAndUppercaseAndNameMandatory() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    assertThat(code(token, customer("newco1", "x", null)))
        .isEqualTo("ACCOUNT_CODE_MUST_BE_UPPER_CASE");
    assertThat(code(token, customer(null, "x", null))).isEqualTo("ACCOUNT_CODE_IS_NULL");
    assertThat(code(token, customer("NEWCO1", null, null))).isEqualTo("ACCOUNT_NAME_IS_EMPTY");
    assertThat(sim.data(COMPANY).createdCustomerCount()).isZero();
  }

  @Test
  void unknownCodeWithCreateFalseIsNotCreated() {
    start(AccountsIqSettings.defaults());
    Element r =
        AccountsIqSoap.result(
            soap.call11(
                "UpdateCustomer",
                token11(),
                customer("GHOST1", "Ghost", null) + el("create", false)),
            "UpdateCustomer");
    assertThat(AccountsIqSoap.text(r, "Status")).isEqualTo("NotCreated");
    assertThat(AccountsIqSoap.text(r, "ErrorCode")).isEqualTo("CUSTOMER_CODE_DOES_NOT_EXIST");
    assertThat(AccountsIqSoap.text(r, "Result")).isEqualTo("false");
    assertThat(sim.stats().writesApplied("UpdateCustomer")).isZero();
  }

  @Test
  void anUpdateNeedsTheStoredRowVersion() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    String version =
        AccountsIqSoap.text(
            AccountsIqSoap.child(
                AccountsIqSoap.result(
                    soap.call11("GetCustomer", token, el("customerCode", "C000003")),
                    "GetCustomer"),
                "Result"),
            "RowVersionNumber");
    Element stale =
        AccountsIqSoap.result(
            soap.call11(
                "UpdateCustomer",
                token,
                customer("C000003", "Renamed", "AAAAAAAAAAE=") + el("create", false)),
            "UpdateCustomer");
    assertThat(AccountsIqSoap.text(stale, "Status")).isEqualTo("Conflicted");
    assertThat(AccountsIqSoap.text(stale, "ErrorCode")).isEqualTo("OUTDATED_RECORD");
    clock.advance(Duration.ofMinutes(10));
    Element ok =
        AccountsIqSoap.result(
            soap.call11(
                "UpdateCustomer",
                token,
                customer("C000003", "Renamed", version) + el("create", false)),
            "UpdateCustomer");
    assertThat(AccountsIqSoap.text(ok, "Status")).isEqualTo("Success");
    Element again =
        AccountsIqSoap.result(
            soap.call11(
                "UpdateCustomer",
                token,
                customer("C000003", "Twice", version) + el("create", false)),
            "UpdateCustomer");
    assertThat(AccountsIqSoap.text(again, "Status"))
        .as("the version moved on")
        .isEqualTo("Conflicted");
    assertThat(sim.data(COMPANY).customerName("C000003")).hasValue("Renamed");
    // The update is what incremental sync sees.
    Element since =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11(
                    "GetCustomersBy",
                    token,
                    "<query><FromLastModifiedDateInUTC>2025-03-18T16:00:00</FromLastModifiedDateInUTC></query>"),
                "GetCustomersBy"),
            "Result");
    assertThat(AccountsIqSoap.children(since, "Customer"))
        .extracting(c -> AccountsIqSoap.text(c, "Code"))
        .containsExactly("C000003");
  }

  @Test
  void getbackCodeVariantsAndSuppliers() {
    start(AccountsIqSettings.defaults());
    String access = access20();
    Element c =
        AccountsIqSoap.result(
            soap.call20(
                "UpdateCustomerGetbackCustomerCode",
                COMPANY,
                access,
                customer("VIA20", "Via two", null) + el("create", true)),
            "UpdateCustomerGetbackCustomerCode");
    assertThat(AccountsIqSoap.text(c, "Result")).isEqualTo("VIA20");
    Element s =
        AccountsIqSoap.result(
            soap.call20(
                "UpdateSupplierGetBackSupplierCode",
                COMPANY,
                access,
                "<supplier><Code>SUPP9</Code><Name>Supplies</Name></supplier>"
                    + el("create", true)),
            "UpdateSupplierGetBackSupplierCode");
    assertThat(AccountsIqSoap.text(s, "Status")).isEqualTo("Created");
    Element read =
        AccountsIqSoap.child(
            AccountsIqSoap.result(
                soap.call11("GetSupplier", token11(), el("supplierCode", "SUPP9")), "GetSupplier"),
            "Result");
    assertThat(AccountsIqSoap.text(read, "LedgerType"))
        .as("visible through 1.1 too")
        .isEqualTo("Purchases");
    Element missing =
        AccountsIqSoap.result(
            soap.call20("GetSupplier", COMPANY, access, el("supplierCode", "NOPE")), "GetSupplier");
    assertThat(AccountsIqSoap.text(missing, "ErrorCode")).isEqualTo("SUPPLIER_CODE_DOES_NOT_EXIST");
    Element clash =
        AccountsIqSoap.result(
            soap.call20(
                "UpdateSupplier",
                COMPANY,
                access,
                "<supplier><Code>C000001</Code><Name>Clash</Name></supplier>" + el("create", true)),
            "UpdateSupplier");
    assertThat(AccountsIqSoap.text(clash, "ErrorCode")).isEqualTo("ACCOUNT_CODE_ALREADY_IN_USE");
    assertThat(AccountsIqSoap.child(missing, "Result")).isNull();
  }

  private String code(String token, String customerXml) {
    return AccountsIqSoap.text(
        AccountsIqSoap.result(
            soap.call11("UpdateCustomer", token, customerXml + el("create", true)),
            "UpdateCustomer"),
        "ErrorCode");
  }

  static String customer(String code, String name, String rowVersion) {
    return "<customer>"
        + el("Code", code)
        + el("Name", name)
        + el("CurrencyCode", "EUR")
        + el("IsActive", true)
        + el("RowVersionNumber", rowVersion)
        + "</customer>";
  }
}
