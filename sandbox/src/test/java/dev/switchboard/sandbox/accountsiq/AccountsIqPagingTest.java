package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Skip/Limit paging with per-call caps (§1.7): GetInvoicesBy (1,000) and GetTransactionsBy (10,000,
 * no Limit).
 */
class AccountsIqPagingTest extends SimulatorFixture {
  private static final String WIDE =
      el("FromDate", "2020-01-01T00:00:00")
          + el("ToDate", "2030-01-01T00:00:00")
          + el("FromCreationDate", "2020-01-01T00:00:00")
          + el("ToCreationDate", "2030-01-01T00:00:00");

  @Test
  void invoicesPageByThousandsInCreationOrder() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    List<Integer> all = new ArrayList<>();
    int[] sizes = new int[4];
    for (int page = 0; page < 4; page++) {
      List<Integer> ids = invoiceIds(token, WIDE + el("Skip", page * 1000));
      sizes[page] = ids.size();
      all.addAll(ids);
    }
    assertThat(sizes).containsExactly(1000, 1000, 500, 0);
    assertThat(all)
        .hasSize(2_500)
        .isSorted()
        .doesNotHaveDuplicates()
        .startsWith(1001)
        .endsWith(3500);
  }

  @Test
  void limitSkipReverseAndFilters() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    assertThat(invoiceIds(token, WIDE + el("Skip", 5) + el("Limit", 3)))
        .containsExactly(1006, 1007, 1008);
    assertThat(invoiceIds(token, WIDE + el("Limit", 5000))).as("Limit is capped").hasSize(1000);
    assertThat(invoiceIds(token, WIDE + el("ReverseOrderBy", true) + el("Limit", 2)))
        .containsExactly(3500, 3499);
    assertThat(invoiceIds(token, WIDE + el("Status", "Processed"))).hasSize(125);
    assertThat(
            invoiceIds(
                token,
                WIDE + "<InvoiceIDsFilter><int>1010</int><int>1020</int></InvoiceIDsFilter>"))
        .containsExactly(1010, 1020);
    assertThat(invoiceIds(token, WIDE + "<TypesFilter><string>PI</string></TypesFilter>"))
        .isEmpty();
    String year2023 =
        el("FromDate", "2020-01-01T00:00:00")
            + el("ToDate", "2030-01-01T00:00:00")
            + el("FromCreationDate", "2023-01-01T00:00:00")
            + el("ToCreationDate", "2023-12-31T23:59:59");
    List<Integer> ids2023 = invoiceIds(token, year2023);
    assertThat(ids2023).hasSizeBetween(820, 850).isSorted();
    Element first =
        AccountsIqSoap.children(AccountsIqSoap.child(getBy(token, year2023), "Result"), "Invoice")
            .get(0);
    assertThat(AccountsIqSoap.text(first, "CreationDate")).startsWith("2023-01-0");
  }

  @Test
  void theFourDatesAreMandatory() {
    start(AccountsIqSettings.defaults());
    Element r =
        getBy(
            token11(), el("FromDate", "2020-01-01T00:00:00") + el("ToDate", "2030-01-01T00:00:00"));
    assertThat(AccountsIqSoap.text(r, "Status")).isEqualTo("Failure");
    assertThat(AccountsIqSoap.text(r, "ErrorCode")).isEqualTo("DATE_IS_OUT_OF_RANGE");
  }

  @Test
  void newAndChangedInvoicesShowUpIncrementally() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    soap.saveNewInvoice(token, "INC-1", "C000001", "");
    String since = WIDE + el("FromLastModifiedDateInUTC", "2025-03-18T00:00:00");
    assertThat(invoiceIds(token, since)).containsExactly(3501);
    assertThat(invoiceIds(token, WIDE + el("Skip", 2000)))
        .as("the new invoice sorts last")
        .hasSize(501)
        .endsWith(3501);
  }

  @Test
  void capsAreSettingsAndTransactionsHaveNoLimit() {
    start(AccountsIqSettings.defaults().withPageCaps(300, 700));
    String token = token11();
    assertThat(invoiceIds(token, WIDE)).hasSize(300);
    List<Integer> all = new ArrayList<>();
    for (int skip = 0; ; skip += 700) {
      List<Integer> ids = transactionIds(token, WIDE + el("Skip", skip) + el("Limit", 5));
      all.addAll(ids);
      if (ids.size() < 700) break;
    }
    assertThat(all)
        .as("Limit is not part of WSGetTransactionsByQuery and is ignored")
        .hasSize(3_000)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(transactionIds(token, WIDE + "<TypesFilter><string>SR</string></TypesFilter>"))
        .hasSizeBetween(600, 700);
  }

  @Test
  void transactionsDefaultCapIsTenThousandAndEmptyPagesFollowTheSetting() {
    start(AccountsIqSettings.defaults().withEmptyList(AccountsIqSettings.EmptyList.OMIT));
    String token = token11();
    assertThat(transactionIds(token, WIDE)).hasSize(3_000);
    Element empty =
        AccountsIqSoap.result(
            soap.call11(
                "GetTransactionsBy", token, "<query>" + WIDE + el("Skip", 3000) + "</query>"),
            "GetTransactionsBy");
    assertThat(AccountsIqSoap.names(empty)).containsExactly("Status", "ErrorCode", "HasExpired");
  }

  private Element getBy(String token, String query) {
    return AccountsIqSoap.result(
        soap.call11("GetInvoicesBy", token, "<query>" + query + "</query>"), "GetInvoicesBy");
  }

  private List<Integer> invoiceIds(String token, String query) {
    Element result = getBy(token, query);
    assertThat(AccountsIqSoap.text(result, "Status")).isEqualTo("Success");
    return AccountsIqSoap.children(AccountsIqSoap.child(result, "Result"), "Invoice").stream()
        .map(e -> Integer.parseInt(AccountsIqSoap.text(e, "InvoiceID")))
        .toList();
  }

  private List<Integer> transactionIds(String token, String query) {
    Element result =
        AccountsIqSoap.result(
            soap.call11("GetTransactionsBy", token, "<query>" + query + "</query>"),
            "GetTransactionsBy");
    Element list = AccountsIqSoap.child(result, "Result");
    return list == null
        ? List.of()
        : AccountsIqSoap.children(list, "WSTransactionSummary").stream()
            .map(e -> Integer.parseInt(AccountsIqSoap.text(e, "TransactionID")))
            .toList();
  }
}
