package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqScenario;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads, safe writes and faults on both endpoint versions, through the real broker. */
class AccountsIqIT {
  static AccountsIqFixture aiq;
  static RuntimeHarness platform;

  @BeforeAll
  static void start() throws Exception {
    aiq = new AccountsIqFixture();
    platform = RuntimeHarness.start("accountsiq", aiq.connections(), s -> s);
  }

  @AfterEach
  void reset() {
    aiq.sim().setScenario(AccountsIqFixture.tenant("legacy"), AccountsIqScenario.none());
    aiq.sim().setScenario(AccountsIqFixture.tenant("app"), AccountsIqScenario.none());
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    aiq.close();
  }

  static List<JsonNode> run(String connection, String op, ObjectNode params, String id)
      throws Exception {
    ObjectNode cmd = RuntimeHarness.command(op, connection, params);
    if (id != null) {
      cmd.put("id", id);
    }
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

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void customersStreamAndOneCanBeRead(String conn) throws Exception {
    List<JsonNode> events = run(conn, "customers.list", null, null);
    assertThat(last(events).path("type").asText())
        .as(last(events).toString())
        .isEqualTo("completed");
    assertThat(last(events).path("records").asLong()).isEqualTo(500);
    String code = events.get(3).path("data").path("Code").asText();
    JsonNode one = last(run(conn, "customers.get", Json.object().put("customerCode", code), null));
    assertThat(one.path("data").path("Code").asText()).isEqualTo(code);
    JsonNode missing =
        last(
            run(
                conn,
                "customers.get",
                Json.object().put("customerCode", "NO_SUCH_CUSTOMER"),
                null));
    assertThat(missing.path("error").path("category").asText()).isEqualTo("NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void invoicesPageBySkipUnderTheCap(String conn) throws Exception {
    ObjectNode q = Json.object();
    q.putObject("query")
        .put("FromDate", "2000-01-01T00:00:00")
        .put("ToDate", "2100-01-01T00:00:00")
        .put("FromCreationDate", "2000-01-01T00:00:00")
        .put("ToCreationDate", "2100-01-01T00:00:00");
    JsonNode done = last(run(conn, "invoices.query", q, null));
    assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("records").asLong()).isGreaterThanOrEqualTo(2_500);
    assertThat(done.path("pages").asLong()).isEqualTo(done.path("records").asLong() / 1_000 + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void aWriteWhoseAnswerIsLostIsAppliedExactlyOnceAndAReplayFindsIt(String conn) throws Exception {
    var data = aiq.sim().data(AccountsIqConfig.DEMO_COMPANY_ID);
    long before = data.createdInvoiceCount();
    String customer =
        run(conn, "customers.list", null, null).get(0).path("data").path("Code").asText();
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none()
                .withDropConnectionAfterWrite("SaveInvoiceGetBackInvoiceID", 1));
    ObjectNode p = Json.object().put("customerCode", customer);
    p.putObject("invoice")
        .putArray("Lines")
        .addObject()
        .put("StockItemDescription", "consulting")
        .put("GLAccountCode", "4000")
        .put("InvoicedQuantity", 1)
        .put("StockItemPrice", 100)
        .put("TaxCode", "STD");
    String id = "inv-" + conn + "-" + System.nanoTime();
    JsonNode first = last(run(conn, "invoices.create", p, id));
    assertThat(first.path("type").asText()).as(first.toString()).isEqualTo("completed");
    assertThat(first.path("data").path("existing").asBoolean()).isTrue(); // found after the drop
    assertThat(data.invoiceIdsByExternalReference(id)).hasSize(1);
    assertThat(data.createdInvoiceCount() - before).isEqualTo(1);

    JsonNode replay = last(run(conn, "invoices.create", p, id)); // the same command again
    assertThat(replay.path("data").path("existing").asBoolean()).isTrue();
    assertThat(data.createdInvoiceCount() - before).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void batchInvoicesAndReceiptsAreAppliedOnceDespiteALostAnswer(String conn) throws Exception {
    var data = aiq.sim().data(AccountsIqConfig.DEMO_COMPANY_ID);
    String customer =
        run(conn, "customers.list", null, null).get(0).path("data").path("Code").asText();
    long before = data.createdTransactionCount();
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none()
                .withDropConnectionAfterWrite("CreateBatchSalesInvoiceGetBackTransactionID", 1));
    ObjectNode batch = Json.object();
    ObjectNode inv =
        batch
            .putObject("inv")
            .put("CustomerCode", customer)
            .put("InvoiceDate", "2025-03-01T00:00:00")
            .put("Description", "Web order");
    inv.putArray("Lines")
        .addObject()
        .put("GLAccountCode", "4000")
        .put("TaxCode", "STD")
        .put("NetAmount", new java.math.BigDecimal("100.00"))
        .put("TaxRate", 23);
    inv.put("ExchangeRate", 1);
    String batchId = "batch-" + conn + "-" + System.nanoTime();
    JsonNode made = last(run(conn, "batchSalesInvoices.create", batch, batchId));
    assertThat(made.path("type").asText()).as(made.toString()).isEqualTo("completed");
    assertThat(made.path("data").path("existing").asBoolean()).isTrue();
    assertThat(data.transactionIdsByExternalReference(batchId)).hasSize(1);

    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none()
                .withDropConnectionAfterWrite("SaveSalesReceiptGetBackTransactionID", 1));
    ObjectNode receipt = Json.object();
    receipt
        .putObject("salesReceipt")
        .put("CustomerCode", customer)
        .put("PaymentAmount", new java.math.BigDecimal("50.00"))
        .put("BankAccountCode", "1200")
        .put("PaymentDate", "2025-03-17T00:00:00")
        .put("ExchangeRate", 1)
        .put("BankExchangeRate", 1);
    String receiptId = "rcpt-" + conn + "-" + System.nanoTime();
    JsonNode paid = last(run(conn, "salesReceipts.create", receipt, receiptId));
    assertThat(paid.path("type").asText()).as(paid.toString()).isEqualTo("completed");
    assertThat(data.transactionIdsByExternalReference(receiptId)).hasSize(1);
    assertThat(data.createdTransactionCount() - before).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void anXxePayloadIsRefusedAndUnknownCodesSurface(String conn) throws Exception {
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none().withXxePayload("GetCustomer"));
    JsonNode xxe = last(run(conn, "customers.get", Json.object().put("customerCode", "X"), null));
    assertThat(xxe.path("error").path("code").asText()).isEqualTo("PROVIDER_BAD_RESPONSE");
    assertThat(xxe.path("error").path("category").asText()).isEqualTo("PROVIDER");
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none().withUnknownErrorCode("GetCustomer", "SOMETHING_NEW_2027"));
    JsonNode unknown =
        last(run(conn, "customers.get", Json.object().put("customerCode", "X"), null));
    assertThat(unknown.path("error").path("code").asText()).isEqualTo("UNRECOGNISED");
    assertThat(unknown.path("error").path("provider").path("errorCode").asText())
        .isEqualTo("SOMETHING_NEW_2027");
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void tokenExpiryCostsOneLoginAndLosesNothing(String conn) throws Exception {
    aiq.sim().expireAllTokens();
    var before = aiq.sim().stats();
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn), AccountsIqScenario.none().withExpireTokenAfterCalls(1));
    assertThat(last(run(conn, "customers.list", null, null)).path("records").asLong())
        .isEqualTo(500);
    assertThat(last(run(conn, "suppliers.list", null, null)).path("records").asLong())
        .isEqualTo(100);
    var after = aiq.sim().stats();
    assertThat(logins(after, conn) - logins(before, conn)).isEqualTo(2);
  }

  @org.junit.jupiter.api.Test
  void aRefused11LoginIsAuthAndIsNotRetried() throws Exception {
    var badKey = aiq.connections().get("legacy").deepCopy();
    ((ObjectNode) badKey.get("auth")).put("partnerKey", "wrong-partner-key");
    long loginsBefore =
        aiq.sim().stats().logins().getOrDefault(AccountsIqFixture.tenant("legacy"), 0L);
    long refusedBefore = aiq.sim().stats().loginsRefused();
    try (RuntimeHarness other =
            RuntimeHarness.start("accountsiq", java.util.Map.of("legacy", badKey), s -> s);
        TopicReader r = other.results()) {
      String id = other.send(RuntimeHarness.command("customers.list", "legacy", null));
      r.untilTerminal(List.of(id), Duration.ofSeconds(60));
      JsonNode error = r.terminals(id).get(0).path("error");
      assertThat(error.path("code").asText()).isEqualTo("AIQ_LOGIN_REFUSED");
      assertThat(error.path("category").asText()).isEqualTo("AUTH");
      assertThat(error.path("retryable").asBoolean()).isFalse();
      assertThat(error.toString()).doesNotContain("wrong-partner-key");
    }
    assertThat(aiq.sim().stats().logins().getOrDefault(AccountsIqFixture.tenant("legacy"), 0L))
        .isEqualTo(loginsBefore); // no successful login came of it
    assertThat(aiq.sim().stats().loginsRefused() - refusedBefore).isEqualTo(1); // and no loop
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "app"})
  void aTokenExpiringBetweenPagesOfAStreamCostsOneLoginAndLosesNothing(String conn)
      throws Exception {
    ObjectNode q = Json.object();
    q.putObject("query")
        .put("FromDate", "2000-01-01T00:00:00")
        .put("ToDate", "2100-01-01T00:00:00")
        .put("FromCreationDate", "2000-01-01T00:00:00")
        .put("ToCreationDate", "2100-01-01T00:00:00");
    JsonNode warm = last(run(conn, "invoices.query", q, null)); // a live token to start from
    var before = aiq.sim().stats();
    aiq.sim()
        .setScenario(
            AccountsIqFixture.tenant(conn),
            AccountsIqScenario.none()
                .withExpireTokenAfterCalls(2)); // page 1 and 2 pass, page 3 finds the token expired
    List<JsonNode> events = run(conn, "invoices.query", q, null);
    JsonNode done = last(events);
    assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("records").asLong()).isEqualTo(warm.path("records").asLong());
    assertThat(
            events.stream()
                .filter(e -> e.path("type").asText().equals("record"))
                .map(e -> e.path("data").path("InvoiceID").asLong())
                .distinct()
                .count())
        .isEqualTo(done.path("records").asLong()); // none lost, none repeated
    assertThat(logins(aiq.sim().stats(), conn) - logins(before, conn)).isEqualTo(1);
  }

  private static long logins(dev.switchboard.sandbox.accountsiq.AccountsIqStats s, String conn) {
    return conn.equals("legacy")
        ? s.logins().getOrDefault(AccountsIqFixture.tenant(conn), 0L)
        : s.tokenGets().getOrDefault(AccountsIqFixture.tenant(conn), 0L)
            + s.tokenRefreshes().getOrDefault(AccountsIqFixture.tenant(conn), 0L);
  }
}
