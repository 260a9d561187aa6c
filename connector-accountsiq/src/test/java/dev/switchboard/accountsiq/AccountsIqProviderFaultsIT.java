package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.accountsiq.AccountsIqScenario;
import dev.switchboard.sandbox.accountsiq.AccountsIqStats;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The provider part of the fault-injection suite for AccountsIQ: about 300 commands on the 1.1
 * ({@code legacy}) and the 2.0 ({@code app}) connection — single reads, streamed lists, the paged
 * {@code invoices.query}, and writes (invoices, batch invoices, receipts: made once by external
 * reference; customers) — while the simulator answers 10 % of the calls with HTTP 500 {@code
 * soap:Server}, 5 % with in-band throttling ({@code OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED}, 2.0
 * only: 1.1 has no rate limit, provider-apis.md §1.9), lets 3 % time out (held past the
 * connections' 1 s {@code requestTimeout}, then dropped), and loses the answer of 5 % of the writes
 * it applied. Logins and token requests are in the draws too (they are retried like any other call,
 * {@link #aTransientFaultOnTheLoginIsRetriedNotReportedAsARefusedLogin}).
 *
 * <p>Asserted: one terminal event per command; every completed stream has every seq once, in order;
 * every commands partition committed to its end; bounded heap; failures carry documented codes,
 * never {@code INTERNAL_ERROR}. A write whose answer was lost ends as the connector documents for
 * an unknown outcome: the creates look the record up by external reference and complete with {@code
 * "existing": true}; {@code customers.save} fails {@code WRITE_OUTCOME_UNKNOWN}. No write is
 * re-sent blindly; duplicate writes are reported.
 */
class AccountsIqProviderFaultsIT {
  private static final long SEED = 2026L;
  private static final int COMMANDS = 300;
  private static final long HEAP_BOUND = 256L << 20;

  /**
   * The demo entity: 500 customers, 100 suppliers, 2,500 invoices (three pages of invoices.query).
   */
  private static final int CUSTOMERS = 500;

  private static final int SUPPLIERS = 100;
  private static final int INVOICES = 2_500;
  private static final Set<String> SAFE_WRITES =
      Set.of("invoices.create", "batchSalesInvoices.create", "salesReceipts.create");
  private static final Set<String> WRITES =
      Set.of(
          "invoices.create", "batchSalesInvoices.create", "salesReceipts.create", "customers.save");

  /** Codes a read may end with when the provider keeps failing past the retries. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "AIQ_SOAP_SERVER_FAULT",
          "AIQ_RATE_LIMITED",
          "PROVIDER_TIMEOUT",
          "PROVIDER_CONNECTION_LOST",
          "PROVIDER_UNREACHABLE");

  /** One command sent; {@code ref} is what the simulator keys its write by (reference or Code). */
  private record Sent(String id, String connection, String operation, String ref) {
    boolean write() {
      return WRITES.contains(operation);
    }
  }

  /**
   * What the results topic said; {@code writeTerminals}: the terminal event of every write, by ref.
   */
  private record Outcome(
      long completed,
      long failed,
      long writesCompleted,
      long writesFoundExisting,
      long writesUnknown,
      Map<String, Long> failedByCode,
      Map<String, JsonNode> writeTerminals) {}

  @Test
  void mixedReadsStreamsAndWritesUnderRandomProviderFaults() throws Exception {
    long started = System.nanoTime();
    try (AccountsIqFixture aiq = new AccountsIqFixture()) {
      Map<String, ObjectNode> connections = new HashMap<>();
      aiq.connections()
          .forEach((name, c) -> connections.put(name, c.deepCopy().put("requestTimeout", "1s")));
      List<Sent> sent = new ArrayList<>();
      Outcome outcome;
      long heap;
      try (RuntimeHarness platform = RuntimeHarness.start("accountsiq", connections, s -> s)) {
        List<String> customers = codes(platform, "customers.list", CUSTOMERS);
        List<String> suppliers = codes(platform, "suppliers.list", SUPPLIERS);
        RandomFaults faults = new RandomFaults(SEED, 0.10, null, 0.05, 1, 0.03, 1_500L, 0.05, true);
        for (String conn : List.of("legacy", "app")) {
          aiq.sim()
              .setScenario(
                  AccountsIqFixture.tenant(conn),
                  AccountsIqScenario.none().withRandomFaults(faults));
        }
        Random random = new Random(SEED);
        for (int i = 0; i < COMMANDS; i++) {
          sent.add(send(platform, random, i, customers, suppliers));
        }
        outcome = verify(platform, sent);
        heap = usedHeapAfterGc(); // the platform running, the test's reader closed
        GroupOffsets.awaitAllCommitted(
            platform.settings().bootstrap(),
            platform.settings().groupId("accountsiq"),
            platform.topics().commands(),
            Duration.ofSeconds(30));
      }
      AccountsIqStats stats = aiq.sim().stats();
      long writeCommands = sent.stream().filter(Sent::write).count();
      long distinct =
          stats.distinctWritesApplied().values().stream().mapToLong(Long::longValue).sum();
      long duplicates = stats.duplicateWrites();
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      System.out.println(
          "FAULT-SUITE provider=accountsiq commands="
              + sent.size()
              + " completed="
              + outcome.completed()
              + " failed="
              + outcome.failed()
              + " faults={5xx:"
              + stats.faults(FaultDice.SERVER_ERROR)
              + ",429:"
              + stats.faults(FaultDice.RATE_LIMIT)
              + ",timeout:"
              + stats.faults(FaultDice.TIMEOUT)
              + ",lost:"
              + stats.faults(FaultDice.LOST_ANSWER)
              + "}"
              + " duplicateWrites="
              + duplicates
              + " heapMiB="
              + (heap >> 20)
              + " seconds="
              + seconds
              + " | failedByCode="
              + outcome.failedByCode()
              + " writeCommands="
              + writeCommands
              + " writesCompleted="
              + outcome.writesCompleted()
              + " (foundExisting="
              + outcome.writesFoundExisting()
              + ") writesUnknown="
              + outcome.writesUnknown()
              + " lostAnswers="
              + stats.writeAnswersLost()
              + " writesApplied="
              + stats.totalWritesApplied()
              + " distinctWritesApplied="
              + distinct
              + " resentAfterLostAnswer="
              + stats.writesResentAfterLostAnswer()
              + " providerCalls="
              + stats.calls().values().stream().mapToLong(Long::longValue).sum()
              + " logins="
              + stats.logins()
              + " tokenGets="
              + stats.tokenGets());

      assertThat(outcome.completed() + outcome.failed()).isEqualTo(COMMANDS);
      assertThat(stats.faults(FaultDice.SERVER_ERROR)).as("the mode fired").isPositive();
      assertThat(stats.faults(FaultDice.RATE_LIMIT)).isPositive();
      assertThat(stats.faults(FaultDice.TIMEOUT)).isPositive();
      assertThat(stats.faults(FaultDice.LOST_ANSWER)).isPositive();
      // Every write whose answer was lost ended as documented for an unknown outcome, and none
      // reached AccountsIQ again (a look-up is not a re-send).
      assertThat(stats.lostWriteKeys()).hasSize((int) stats.writeAnswersLost());
      for (String key : stats.lostWriteKeys()) {
        String ref = key.substring(key.lastIndexOf(' ') + 1);
        JsonNode terminal = outcome.writeTerminals().get(ref);
        assertThat(terminal).as("the command of lost write %s", key).isNotNull();
        assertLostWriteEndedAsDocumented(key, terminal);
      }
      assertThat(stats.writesResentAfterLostAnswer())
          .as("blind re-sends after a lost answer")
          .isZero();
      assertThat(duplicates)
          .isGreaterThanOrEqualTo(0)
          .isEqualTo(stats.totalWritesApplied() - distinct);
      assertThat(distinct)
          .as("distinct writes applied")
          .isLessThanOrEqualTo(writeCommands)
          .isGreaterThanOrEqualTo(outcome.writesCompleted());
      assertThat(heap).as("used heap after GC").isLessThan(HEAP_BOUND);
    }
  }

  /**
   * A transient fault on the login itself — a {@code soap:Server} fault (HTTP 500) on 1.1 {@code
   * Login} or 2.0 {@code TokenGet}, or 2.0 in-band throttling of {@code TokenGet} — must be retried
   * like the same fault on any other call (accountsiq.md "Errors": {@code soap:Server} is {@code
   * AIQ_SOAP_SERVER_FAULT}, reads back off; {@code OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED} is
   * {@code AIQ_RATE_LIMITED}, back off; provider-apis.md §1.9 "The connector backs off on either
   * code"). It is not a refusal of the credentials.
   *
   * <p>Found by this suite: {@code AccountsIqAuth} turned any non-success outcome and any SOAP
   * fault of Login/TokenGet into {@code AIQ_LOGIN_REFUSED} (AUTH, not retryable), so one fault on
   * the shared login failed, unretried, every command waiting for it.
   */
  @Test
  void aTransientFaultOnTheLoginIsRetriedNotReportedAsARefusedLogin() throws Exception {
    record Case(String connection, AccountsIqScenario scenario, String what) {}
    List<Case> cases =
        List.of(
            new Case(
                "legacy",
                AccountsIqScenario.none().withSoapFault("Login", 1),
                "soap:Server on Login (1.1)"),
            new Case(
                "app",
                AccountsIqScenario.none().withSoapFault("TokenGet", 1),
                "soap:Server on TokenGet (2.0)"),
            new Case(
                "app",
                new AccountsIqScenario(
                    null,
                    null,
                    new AccountsIqScenario.RateLimit(1, "TokenGet"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                "in-band rate limit on TokenGet (2.0)"));
    List<String> wrong = new ArrayList<>();
    try (AccountsIqFixture aiq = new AccountsIqFixture()) {
      for (Case c : cases) {
        // A fresh platform each time: its connections have not logged in yet.
        try (RuntimeHarness platform =
            RuntimeHarness.start("accountsiq", aiq.connections(), s -> s)) {
          aiq.sim().setScenario(AccountsIqFixture.tenant(c.connection()), c.scenario());
          String id = platform.send(RuntimeHarness.command("suppliers.list", c.connection(), null));
          try (TopicReader r = platform.results()) {
            r.untilTerminal(List.of(id), Duration.ofSeconds(60));
            JsonNode terminal = r.terminals(id).get(0);
            if (!terminal.path("type").asText().equals("completed")) {
              wrong.add(c.what() + " -> " + terminal.path("error"));
            }
          } finally {
            aiq.sim()
                .setScenario(AccountsIqFixture.tenant(c.connection()), AccountsIqScenario.none());
          }
        }
      }
    }
    assertThat(wrong)
        .as("one transient fault on the login, retried, then the list completes")
        .isEmpty();
  }

  /**
   * A create whose answer was lost looks its record up and completes {@code "existing": true};
   * {@code customers.save} fails {@code WRITE_OUTCOME_UNKNOWN} (accountsiq.md "Writes are applied
   * once"). Should the look-up itself fail past its retries, that read's transient code is
   * reported.
   */
  private static void assertLostWriteEndedAsDocumented(String key, JsonNode terminal) {
    String type = terminal.path("type").asText();
    if (key.startsWith("UpdateCustomerGetbackCustomerCode ")) {
      assertThat(type).as("lost save %s: %s", key, terminal).isEqualTo("failed");
      assertThat(terminal.path("error").path("code").asText())
          .as(terminal.toString())
          .isEqualTo("WRITE_OUTCOME_UNKNOWN");
    } else if (type.equals("completed")) {
      assertThat(terminal.path("data").path("existing").asBoolean())
          .as("lost create %s: %s", key, terminal)
          .isTrue();
    } else {
      assertThat(terminal.path("error").path("code").asText())
          .as("lost create %s: %s", key, terminal)
          .isIn(union(Set.of("WRITE_OUTCOME_UNKNOWN"), TRANSIENT));
    }
  }

  /** No record lost or repeated: as many distinct {@code idField} values as records. */
  private static void assertDistinct(Sent s, List<JsonNode> records, String idField) {
    assertThat(records.stream().map(r -> r.path("data").path(idField).asText()).distinct().count())
        .as("distinct %s of %s %s", idField, s.operation(), s.id())
        .isEqualTo(records.size());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  /** The {@code Code} of every record of a list, read before any fault. */
  private static List<String> codes(RuntimeHarness platform, String op, int expected)
      throws Exception {
    String id = platform.send(RuntimeHarness.command(op, "legacy", null));
    try (TopicReader r = platform.results()) {
      r.untilTerminal(List.of(id), Duration.ofSeconds(60));
      List<String> codes =
          r.events(id).stream()
              .filter(e -> e.path("type").asText().equals("record"))
              .map(e -> e.path("data").path("Code").asText())
              .toList();
      assertThat(codes).hasSize(expected);
      return codes;
    }
  }

  private static Sent send(
      RuntimeHarness platform, Random random, int n, List<String> customers, List<String> suppliers)
      throws Exception {
    String conn = random.nextBoolean() ? "legacy" : "app";
    String customer = customers.get(random.nextInt(customers.size()));
    ObjectNode params = Json.object();
    String op;
    String ref = null;
    switch (random.nextInt(24)) {
      case 0, 1, 2 -> {
        op = "customers.get";
        params.put("customerCode", customer);
      }
      case 3, 4 -> {
        op = "suppliers.get";
        params.put("supplierCode", suppliers.get(random.nextInt(suppliers.size())));
      }
      case 5 -> op = "chartOfAccounts.list";
      case 6, 7, 8 -> op = "customers.list";
      case 9, 10 -> op = "suppliers.list";
      case 11 -> {
        op = "invoices.query";
        params
            .putObject("query")
            .put("FromDate", "2000-01-01T00:00:00")
            .put("ToDate", "2100-01-01T00:00:00")
            .put("FromCreationDate", "2000-01-01T00:00:00")
            .put("ToCreationDate", "2100-01-01T00:00:00");
      }
      case 12, 13, 14 -> {
        op = "invoices.create";
        params.put("customerCode", customer);
        params
            .putObject("invoice")
            .putArray("Lines")
            .addObject()
            .put("StockItemDescription", "consulting")
            .put("GLAccountCode", "4000")
            .put("InvoicedQuantity", 1 + random.nextInt(5))
            .put("StockItemPrice", 100)
            .put("TaxCode", "STD");
      }
      case 15, 16, 17 -> {
        op = "batchSalesInvoices.create";
        ObjectNode inv =
            params
                .putObject("inv")
                .put("CustomerCode", customer)
                .put("InvoiceDate", "2025-03-01T00:00:00")
                .put("Description", "Fault suite order");
        inv.putArray("Lines")
            .addObject()
            .put("GLAccountCode", "4000")
            .put("TaxCode", "STD")
            .put("NetAmount", new BigDecimal("100.00"))
            .put("TaxRate", 23);
        inv.put("ExchangeRate", 1);
      }
      case 18, 19, 20 -> {
        op = "salesReceipts.create";
        params
            .putObject("salesReceipt")
            .put("CustomerCode", customer)
            .put("PaymentAmount", new BigDecimal("50.00"))
            .put("BankAccountCode", "1200")
            .put("PaymentDate", "2025-03-17T00:00:00")
            .put("ExchangeRate", 1)
            .put("BankExchangeRate", 1);
      }
      default -> {
        op = "customers.save";
        String code = String.format("FS%05d%d", n, SEED % 97);
        ref = code;
        params
            .put("create", true)
            .putObject("customer")
            .put("Code", code)
            .put("Name", "Fault suite " + code);
      }
    }
    ObjectNode command = RuntimeHarness.command(op, conn, params);
    String id = command.path("id").asText();
    platform.send(command);
    return new Sent(id, conn, op, SAFE_WRITES.contains(op) ? id : ref);
  }

  private static Outcome verify(RuntimeHarness platform, List<Sent> sent) {
    long completed = 0;
    long failed = 0;
    long writesCompleted = 0;
    long foundExisting = 0;
    long writesUnknown = 0;
    Map<String, Long> failedByCode = new TreeMap<>();
    Map<String, JsonNode> writeTerminals = new HashMap<>();
    try (TopicReader results = platform.results()) {
      results
          .untilTerminal(sent.stream().map(Sent::id).toList(), Duration.ofSeconds(90))
          .settle(Duration.ofSeconds(1));
      for (Sent s : sent) {
        List<JsonNode> events = results.events(s.id());
        List<JsonNode> terminals = results.terminals(s.id());
        assertThat(terminals).as("terminal events of %s %s", s.operation(), s.id()).hasSize(1);
        JsonNode terminal = terminals.get(0);
        assertThat(events.get(events.size() - 1))
            .as("the terminal event comes last")
            .isSameAs(terminal);
        if (s.write()) {
          writeTerminals.put(s.ref(), terminal);
        }
        List<JsonNode> records =
            events.stream().filter(e -> e.path("type").asText().equals("record")).toList();
        for (int i = 0; i < records.size(); i++) {
          assertThat(records.get(i).path("seq").asLong())
              .as("seq %d of %s %s", i, s.operation(), s.id())
              .isEqualTo(i);
        }
        if (terminal.path("type").asText().equals("completed")) {
          completed++;
          assertThat(terminal.path("records").asLong()).isEqualTo(records.size());
          JsonNode data = terminal.path("data");
          switch (s.operation()) {
            case "customers.list" -> {
              assertThat(records.size())
                  .as("customers (saves add more)")
                  .isGreaterThanOrEqualTo(CUSTOMERS);
              assertDistinct(s, records, "Code");
            }
            case "suppliers.list" -> {
              assertThat(records).hasSize(SUPPLIERS);
              assertDistinct(s, records, "Code");
            }
            case "invoices.query" -> {
              assertThat(records.size())
                  .as("invoices (creates add more)")
                  .isGreaterThanOrEqualTo(INVOICES);
              assertThat(terminal.path("pages").asLong()).isEqualTo(records.size() / 1_000 + 1);
              assertDistinct(s, records, "InvoiceID");
            }
            case "chartOfAccounts.list" -> assertThat(records).isNotEmpty();
            case "invoices.create", "batchSalesInvoices.create", "salesReceipts.create" -> {
              writesCompleted++;
              assertThat(data.path("externalReference").asText()).isEqualTo(s.id());
              if (data.path("existing").asBoolean()) {
                foundExisting++;
              }
            }
            case "customers.save" -> writesCompleted++;
            default -> assertThat(data.path("Code").asText()).as(terminal.toString()).isNotBlank();
          }
        } else {
          failed++;
          JsonNode error = terminal.path("error");
          String code = error.path("code").asText();
          failedByCode.merge(code, 1L, Long::sum);
          if (s.write() && code.equals("WRITE_OUTCOME_UNKNOWN")) {
            writesUnknown++;
            assertThat(error.path("retryable").asBoolean()).as(error.toString()).isFalse();
          } else {
            // a read, or a write that failed on one of its reads (the look-up by reference, the
            // defaults or the invoice template) or on throttling that outlasted the retries
            assertThat(code)
                .as("%s %s on %s failed: %s", s.operation(), s.id(), s.connection(), error)
                .isIn(TRANSIENT);
            assertThat(error.path("retryable").asBoolean()).as(error.toString()).isTrue();
          }
        }
      }
    }
    return new Outcome(
        completed,
        failed,
        writesCompleted,
        foundExisting,
        writesUnknown,
        failedByCode,
        writeTerminals);
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
