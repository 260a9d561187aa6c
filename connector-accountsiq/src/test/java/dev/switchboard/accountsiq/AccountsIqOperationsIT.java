package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation that {@link AccountsIqIT} does not cover, end to end on both endpoint versions.
 */
class AccountsIqOperationsIT {
  static AccountsIqFixture aiq;
  static RuntimeHarness platform;

  /** Operations exercised by AccountsIqIT (see that file) and by this class. */
  static final Set<String> COVERED_BY_ACCOUNTS_IQ_IT =
      Set.of(
          "customers.list",
          "customers.get",
          "invoices.query",
          "invoices.create",
          "batchSalesInvoices.create",
          "salesReceipts.create",
          "suppliers.list");

  static final Set<String> COVERED_HERE =
      Set.of(
          "customers.listActive",
          "customers.changedSince",
          "customers.save",
          "suppliers.list",
          "suppliers.get",
          "suppliers.save",
          "chartOfAccounts.list",
          "stockItems.list",
          "stockItems.get",
          "transactions.query",
          "invoices.create");

  @BeforeAll
  static void start() throws Exception {
    aiq = new AccountsIqFixture();
    platform = RuntimeHarness.start("accountsiq", aiq.connections(), s -> s);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    aiq.close();
  }

  static List<JsonNode> run(String connection, String op, ObjectNode params) throws Exception {
    ObjectNode cmd = RuntimeHarness.command(op, connection, params);
    platform.send(cmd);
    try (TopicReader r = platform.results()) {
      String cid = cmd.path("id").asText();
      r.untilTerminal(List.of(cid), Duration.ofSeconds(90)).settle(Duration.ofMillis(300));
      return r.events(cid);
    }
  }

  static JsonNode last(List<JsonNode> events) {
    return events.get(events.size() - 1);
  }

  static List<JsonNode> records(List<JsonNode> events) {
    return events.stream().filter(e -> e.path("type").asText().equals("record")).toList();
  }

  /** A completed stream: one terminal event, records numbered 0.. in order, matching the count. */
  static List<JsonNode> completedStream(List<JsonNode> events) {
    JsonNode done = last(events);
    assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
    List<JsonNode> recs = records(events);
    assertThat(done.path("records").asLong()).isEqualTo(recs.size());
    for (int i = 0; i < recs.size(); i++) {
      assertThat(recs.get(i).path("seq").asLong()).isEqualTo(i);
    }
    assertThat(
            events.stream()
                .filter(e -> Set.of("completed", "failed").contains(e.path("type").asText()))
                .count())
        .isEqualTo(1);
    return recs;
  }

  static String unique(String prefix) {
    return (prefix + Long.toString(System.nanoTime(), 36)).toUpperCase(Locale.ROOT);
  }

  @Test
  void everyOperationOfTheConnectorIsExercised() {
    Set<String> covered = new TreeSet<>(COVERED_BY_ACCOUNTS_IQ_IT);
    covered.addAll(COVERED_HERE);
    assertThat(new TreeSet<>(new AccountsIqConnector().operations().keySet())).isEqualTo(covered);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void activeCustomersAreASubsetOfAllCustomers(String conn) throws Exception {
    long all = last(run(conn, "customers.list", null)).path("records").asLong();
    List<JsonNode> active = completedStream(run(conn, "customers.listActive", null));
    assertThat(active).isNotEmpty();
    assertThat((long) active.size()).isLessThanOrEqualTo(all);
    assertThat(active.size())
        .isLessThanOrEqualTo(
            500 + aiq.sim().data(AccountsIqConfig.DEMO_COMPANY_ID).createdCustomerCount());
    for (JsonNode r : active) {
      assertThat(r.path("data").path("Code").asText()).isNotBlank();
      if (r.path("data").has("IsActive")) {
        assertThat(r.path("data").path("IsActive").asBoolean()).as(r.toString()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void customersChangedSinceAWindow(String conn) throws Exception {
    long all = last(run(conn, "customers.list", null)).path("records").asLong();
    assertThat(all).isGreaterThanOrEqualTo(500);
    List<JsonNode> since =
        completedStream(
            run(conn, "customers.changedSince", Json.object().put("since", "1990-01-01T00:00:00")));
    assertThat((long) since.size()).isEqualTo(all);
    List<JsonNode> future =
        completedStream(
            run(conn, "customers.changedSince", Json.object().put("since", "2200-01-01T00:00:00")));
    assertThat(future).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void customersAreCreatedWithUpperCaseCodesOnly(String conn) throws Exception {
    var data = aiq.sim().data(AccountsIqConfig.DEMO_COMPANY_ID);
    int before = data.createdCustomerCount();
    String code = unique("C");
    ObjectNode p = Json.object().put("create", true);
    p.putObject("customer").put("Code", code).put("Name", "Integration Test " + code);
    JsonNode made = last(run(conn, "customers.save", p));
    assertThat(made.path("type").asText()).as(made.toString()).isEqualTo("completed");
    assertThat(made.path("data").path("code").asText()).isEqualTo(code);
    assertThat(data.customerName(code)).contains("Integration Test " + code);
    assertThat(data.createdCustomerCount() - before).isEqualTo(1);
    JsonNode read = last(run(conn, "customers.get", Json.object().put("customerCode", code)));
    assertThat(read.path("data").path("Name").asText()).isEqualTo("Integration Test " + code);

    String lower = code.toLowerCase(Locale.ROOT);
    ObjectNode bad = Json.object().put("create", true);
    bad.putObject("customer").put("Code", lower).put("Name", "lower case");
    JsonNode refused = last(run(conn, "customers.save", bad));
    assertThat(refused.path("type").asText()).as(refused.toString()).isEqualTo("failed");
    assertThat(refused.path("error").path("category").asText()).isEqualTo("INVALID_COMMAND");
    assertThat(refused.path("error").path("provider").path("errorCode").asText())
        .isEqualTo("ACCOUNT_CODE_MUST_BE_UPPER_CASE");
    assertThat(data.customerName(lower)).isEmpty();

    String unknown = unique("NOPE");
    ObjectNode update = Json.object().put("create", false);
    update.putObject("customer").put("Code", unknown).put("Name", "not there");
    JsonNode missing = last(run(conn, "customers.save", update));
    assertThat(missing.path("type").asText()).as(missing.toString()).isEqualTo("failed");
    assertThat(missing.path("error").path("category").asText()).isEqualTo("NOT_FOUND");
    assertThat(data.customerName(unknown)).isEmpty();
    assertThat(data.createdCustomerCount() - before).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void suppliersListGetAndCreate(String conn) throws Exception {
    var data = aiq.sim().data(AccountsIqConfig.DEMO_COMPANY_ID);
    List<JsonNode> listed = completedStream(run(conn, "suppliers.list", null));
    assertThat(listed.size())
        .isGreaterThanOrEqualTo(100)
        .isEqualTo(100 + data.createdSupplierCount());
    String code = listed.get(7).path("data").path("Code").asText();
    assertThat(code).isNotBlank();
    JsonNode one = last(run(conn, "suppliers.get", Json.object().put("supplierCode", code)));
    assertThat(one.path("type").asText()).as(one.toString()).isEqualTo("completed");
    assertThat(one.path("data").path("Code").asText()).isEqualTo(code);
    JsonNode none =
        last(run(conn, "suppliers.get", Json.object().put("supplierCode", unique("NOSUP"))));
    assertThat(none.path("error").path("category").asText()).isEqualTo("NOT_FOUND");

    int before = data.createdSupplierCount();
    String made = unique("S");
    ObjectNode p = Json.object().put("create", true);
    p.putObject("supplier").put("Code", made).put("Name", "Supplier " + made);
    JsonNode saved = last(run(conn, "suppliers.save", p));
    assertThat(saved.path("type").asText()).as(saved.toString()).isEqualTo("completed");
    assertThat(data.createdSupplierCount() - before).isEqualTo(1);
    JsonNode back = last(run(conn, "suppliers.get", Json.object().put("supplierCode", made)));
    assertThat(back.path("data").path("Name").asText()).isEqualTo("Supplier " + made);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void chartOfAccountsLinesHaveCodes(String conn) throws Exception {
    List<JsonNode> lines = completedStream(run(conn, "chartOfAccounts.list", null));
    assertThat(lines).isNotEmpty();
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.path("data").path("Code").asText()).isNotBlank());
    Set<String> codes =
        lines.stream().map(l -> l.path("data").path("Code").asText()).collect(Collectors.toSet());
    assertThat(codes).contains("4000", "1200"); // used by the invoice and receipt tests
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void stockItemsListAndGet(String conn) throws Exception {
    List<JsonNode> items = completedStream(run(conn, "stockItems.list", null));
    assertThat(items).hasSize(200);
    JsonNode pick = items.get(123).path("data");
    String id = pick.path("StockItemID").asText();
    assertThat(id).isNotBlank();
    JsonNode one = last(run(conn, "stockItems.get", Json.object().put("stockItemId", id)));
    assertThat(one.path("type").asText()).as(one.toString()).isEqualTo("completed");
    assertThat(one.path("data").path("StockItemID").asText()).isEqualTo(id);
    assertThat(one.path("data").path("Description").asText())
        .isEqualTo(pick.path("Description").asText());
    JsonNode none = last(run(conn, "stockItems.get", Json.object().put("stockItemId", "SKU99999")));
    assertThat(none.path("type").asText()).isEqualTo("failed");
    assertThat(none.path("error").path("category").asText()).isEqualTo("NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void transactionsFitInOnePageUnderTheCap(String conn) throws Exception {
    ObjectNode q = Json.object();
    q.putObject("query")
        .put("FromDate", "2000-01-01T00:00:00")
        .put("ToDate", "2100-01-01T00:00:00")
        .put("FromCreationDate", "2000-01-01T00:00:00")
        .put("ToCreationDate", "2100-01-01T00:00:00");
    List<JsonNode> events = run(conn, "transactions.query", q);
    List<JsonNode> recs = completedStream(events);
    JsonNode done = last(events);
    assertThat(done.path("records").asLong()).isGreaterThanOrEqualTo(5_000).isLessThan(10_000);
    assertThat(done.path("pages").asLong()).isEqualTo(1);
    long distinct =
        recs.stream().map(r -> r.path("data").path("TransactionID").asText()).distinct().count();
    assertThat(distinct).isEqualTo(recs.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void anInvoiceIsCreatedAndPosted(String conn) throws Exception {
    var data = aiq.sim().data(AccountsIqConfig.DEMO_COMPANY_ID);
    String customer =
        records(run(conn, "customers.list", null)).get(11).path("data").path("Code").asText();
    int invoicesBefore = data.createdInvoiceCount();
    int txBefore = data.createdTransactionCount();
    ObjectNode p = Json.object().put("customerCode", customer).put("post", true);
    p.putObject("invoice")
        .putArray("Lines")
        .addObject()
        .put("StockItemDescription", "consulting")
        .put("GLAccountCode", "4000")
        .put("InvoicedQuantity", 2)
        .put("StockItemPrice", 150)
        .put("TaxCode", "STD");
    JsonNode done = last(run(conn, "invoices.create", p));
    assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
    JsonNode d = done.path("data");
    assertThat(d.path("invoiceID").canConvertToInt()).as(d.toString()).isTrue();
    assertThat(d.path("invoiceID").asInt()).isPositive();
    assertThat(d.path("transactionID").asInt()).as(d.toString()).isPositive();
    int invoiceId = d.path("invoiceID").asInt();
    assertThat(data.invoiceStatus(invoiceId)).contains("Posted");
    assertThat(data.invoiceIdsByExternalReference(d.path("externalReference").asText()))
        .containsExactly(invoiceId);
    assertThat(data.transactionType(d.path("transactionID").asInt())).isPresent();
    assertThat(data.createdInvoiceCount() - invoicesBefore).isEqualTo(1);
    assertThat(data.createdTransactionCount() - txBefore).isEqualTo(1);
  }
}
