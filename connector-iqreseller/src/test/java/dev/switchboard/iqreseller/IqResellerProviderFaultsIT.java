package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerScenario;
import dev.switchboard.sandbox.iqreseller.IqResellerStats;
import dev.switchboard.sandbox.iqreseller.IqResellerTenant;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The provider part of the fault-injection suite for IQ Reseller: about 300 commands on two
 * connections (single reads and paged streams; IQ Reseller has no write operation, so there are no
 * writes and no lost answers here) while the simulator answers 10 % of the calls, logins included,
 * with 503, 5 % with 429 and {@code Retry-After: 1}, and lets 3 % time out (held past the
 * connection's 1 s {@code requestTimeout}, then dropped). Every command must get exactly one
 * terminal event, every completed stream every record once and in order, every commands partition
 * must be committed to its end, the heap must stay bounded, and a failure must carry a documented
 * transient code, never {@code INTERNAL_ERROR}.
 */
class IqResellerProviderFaultsIT {
  private static final String GLOBEX_KEY = "test-globex-key-41b2d8";
  private static final long SEED = 2026L;
  private static final int COMMANDS = 300;
  private static final long HEAP_BOUND = 256L << 20;

  /** Codes a read may end with when the provider keeps failing past the retries. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "PROVIDER_ERROR_503",
          "PROVIDER_RATE_LIMITED",
          "PROVIDER_TIMEOUT",
          "PROVIDER_CONNECTION_LOST",
          "PROVIDER_UNREACHABLE");

  /**
   * Dataset sizes per connection: sales orders, inventory units, master items, customers/vendors.
   */
  private static final Map<String, long[]> SIZES =
      Map.of(
          "acme", new long[] {200, 300, 120, 60},
          "globex", new long[] {150, 250, 100, 50});

  /**
   * One command sent. {@code expected}: the records of a complete stream, the count of {@code
   * inventory.count}, the item id of {@code items.get} (-1: not known in advance).
   */
  private record Sent(String id, String connection, String operation, long expected) {}

  /** What the results topic said: terminal events by type, failures by code. */
  private record Outcome(long completed, long failed, Map<String, Long> failedByCode) {}

  @Test
  void mixedReadsAndStreamsUnderRandomProviderFaults() throws Exception {
    long started = System.nanoTime();
    IqResellerConfig config =
        IqResellerConfig.defaults()
            .withTenant(IqResellerFixture.ACME_KEY, tenant("acme", 7))
            .withTenant(GLOBEX_KEY, tenant("globex", 8));
    RandomFaults faults = new RandomFaults(SEED, 0.10, 503, 0.05, 1, 0.03, 1_500L, 0.0, true);
    try (IqResellerFixture iqr = new IqResellerFixture(config)) {
      for (String key : List.of(IqResellerFixture.ACME_KEY, GLOBEX_KEY)) {
        iqr.sim().setScenario(key, IqResellerScenario.none().withRandomFaults(faults));
      }
      Map<String, ObjectNode> connections =
          Map.of(
              "acme", iqr.connection(IqResellerFixture.ACME_KEY).put("requestTimeout", "1s"),
              "globex", iqr.connection(GLOBEX_KEY).put("requestTimeout", "1s"));
      List<Sent> sent = new ArrayList<>();
      Outcome outcome;
      long heap;
      try (RuntimeHarness platform = RuntimeHarness.start("iqreseller", connections, s -> s)) {
        Random random = new Random(SEED);
        for (int i = 0; i < COMMANDS; i++) {
          sent.add(send(platform, random));
        }
        outcome = verify(platform, sent);
        // The platform still running; the test's reader (every event, parsed) closed and out of
        // scope.
        heap = usedHeapAfterGc();
        GroupOffsets.awaitAllCommitted(
            platform.settings().bootstrap(),
            platform.settings().groupId("iqreseller"),
            platform.topics().commands(),
            Duration.ofSeconds(30));
      }
      IqResellerStats stats = iqr.sim().stats();
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      System.out.println(
          "FAULT-SUITE provider=iqreseller commands="
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
              + " duplicateWrites=0 heapMiB="
              + (heap >> 20)
              + " seconds="
              + seconds
              + " | failedByCode="
              + outcome.failedByCode()
              + " writeCommands=0 (IQ Reseller has no write operation)"
              + " providerCalls="
              + stats.totalDataCalls()
              + " logins="
              + stats.sessionsCreated());
      assertThat(outcome.completed() + outcome.failed()).isEqualTo(COMMANDS);
      assertThat(stats.faults(FaultDice.SERVER_ERROR)).as("the mode fired").isPositive();
      assertThat(stats.faults(FaultDice.RATE_LIMIT)).isPositive();
      assertThat(stats.faults(FaultDice.TIMEOUT)).isPositive();
      assertThat(stats.faults(FaultDice.LOST_ANSWER)).as("no write route").isZero();
      assertThat(heap).as("used heap after GC").isLessThan(HEAP_BOUND);
    }
  }

  /** Reads every result event and checks each command's answer. */
  private static Outcome verify(RuntimeHarness platform, List<Sent> sent) {
    long completed = 0;
    long failed = 0;
    Map<String, Long> failedByCode = new TreeMap<>();
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
        assertRecordsInOrder(s, events);
        if (terminal.path("type").asText().equals("completed")) {
          completed++;
          assertCompleted(s, events, terminal);
        } else {
          failed++;
          JsonNode error = terminal.path("error");
          failedByCode.merge(error.path("code").asText(), 1L, Long::sum);
          assertThat(error.path("code").asText())
              .as("%s %s failed: %s", s.operation(), s.id(), error)
              .isIn(TRANSIENT);
          assertThat(error.path("retryable").asBoolean()).as(error.toString()).isTrue();
        }
      }
    }
    return new Outcome(completed, failed, failedByCode);
  }

  private static IqResellerTenant tenant(String name, long seed) {
    long[] s = SIZES.get(name);
    return IqResellerTenant.of(name, seed).withSizes(s[0], s[1], s[2], s[3]);
  }

  /** A random command: a third single reads, the rest paged streams of 4 to 6 pages. */
  private static Sent send(RuntimeHarness platform, Random random) throws Exception {
    String conn = random.nextBoolean() ? "acme" : "globex";
    long[] sizes = SIZES.get(conn);
    int pick = random.nextInt(12);
    String op;
    ObjectNode params = Json.object();
    long expected;
    switch (pick) {
      case 0, 1 -> {
        op = "inventory.count";
        expected = sizes[1];
      }
      case 2, 3 -> {
        op = "items.get";
        expected = 100 + random.nextInt((int) sizes[2]); // item ids start at 100 on the simulator
        params.put("itemId", String.valueOf(expected));
      }
      case 4, 5 -> {
        op = "salesOrders.list";
        params.put("pageSize", 40);
        expected = sizes[0];
      }
      case 6, 7 -> {
        op = "inventory.list";
        params.put("pageSize", 60);
        expected = sizes[1];
      }
      case 8, 9 -> {
        op = "items.list";
        params.put("pageSize", 25);
        expected = sizes[2];
      }
      case 10 -> {
        op = "customersVendors.list";
        params.put("pageSize", 12);
        expected = sizes[3];
      }
      default -> {
        op = "conditions.list";
        expected = -1; // one unpaged call; its size is the simulator's
      }
    }
    String id = platform.send(RuntimeHarness.command(op, conn, params));
    return new Sent(id, conn, op, expected);
  }

  /** Record events, completed or not, are seq 0..n-1 in order, each once. */
  private static void assertRecordsInOrder(Sent s, List<JsonNode> events) {
    List<JsonNode> records =
        events.stream().filter(e -> e.path("type").asText().equals("record")).toList();
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).path("seq").asLong())
          .as("seq of record %d of %s %s", i, s.operation(), s.id())
          .isEqualTo(i);
    }
  }

  private static void assertCompleted(Sent s, List<JsonNode> events, JsonNode done) {
    long records = events.size() - 1L;
    assertThat(done.path("records").asLong())
        .as("records of %s %s", s.operation(), s.id())
        .isEqualTo(records);
    switch (s.operation()) {
      case "inventory.count" ->
          assertThat(done.path("data").path("count").asLong()).isEqualTo(s.expected());
      case "items.get" ->
          assertThat(done.path("data").path("itemid").asLong()).isEqualTo(s.expected());
      case "conditions.list" -> assertThat(records).isPositive();
      default -> {
        assertThat(records)
            .as("a complete %s on %s", s.operation(), s.connection())
            .isEqualTo(s.expected());
        assertThat(done.path("pages").asLong()).isGreaterThanOrEqualTo(4);
        String idField = ID_FIELDS.get(s.operation());
        assertThat(
                events.stream()
                    .filter(e -> e.path("type").asText().equals("record"))
                    .map(e -> e.path("data").path(idField).asLong())
                    .distinct()
                    .count())
            .as("distinct %s of %s %s: none lost, none repeated", idField, s.operation(), s.id())
            .isEqualTo(s.expected());
      }
    }
  }

  /** The record id of each paged list. */
  private static final Map<String, String> ID_FIELDS =
      Map.of(
          "salesOrders.list",
          "so",
          "inventory.list",
          "inventoryid",
          "items.list",
          "itemid",
          "customersVendors.list",
          "cvid");

  static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
