package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.accengage.AccengageScenario;
import dev.switchboard.sandbox.accengage.AccengageStats;
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
 * The provider part of the fault-injection suite for Accengage: about 300 commands on two
 * connections (single reads, paged streams, and writes: {@code messages.create} and {@code
 * messages.send}) while the simulator, still verifying every signature and token, answers 10 % of
 * the calls (token requests included) with a load balancer's 503, 5 % with 429 and {@code
 * Retry-After: 1}, lets 3 % time out (held past the connections' 1 s {@code requestTimeout}, then
 * dropped), and loses the answer of 5 % of the writes it applied.
 *
 * <p>Asserted: exactly one terminal event per command; every completed stream has every seq once,
 * in order; every commands partition committed to its end; bounded heap; a failed read has a
 * documented transient code and a failed write {@code WRITE_OUTCOME_UNKNOWN} (or the documented
 * {@code PROVIDER_RATE_LIMITED} when throttling outlasted the retries), never {@code
 * INTERNAL_ERROR}; every write whose answer was lost ends {@code WRITE_OUTCOME_UNKNOWN} and is
 * never re-sent. Duplicate writes (applied − distinct applied) are reported, not required to be
 * zero: replay dedupe comes with the ledger.
 */
class AccengageProviderFaultsIT {
  private static final long SEED = 2026L;
  private static final int COMMANDS = 300;
  private static final long HEAP_BOUND = 256L << 20;
  private static final long MESSAGES = 250;
  private static final long SEGMENTS = 250;
  private static final long DEVICES = 300;
  private static final Set<String> WRITES = Set.of("messages.create", "messages.send");

  /** Codes a read may end with when the provider keeps failing past the retries. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "PROVIDER_ERROR_503",
          "PROVIDER_RATE_LIMITED",
          "PROVIDER_TIMEOUT",
          "PROVIDER_CONNECTION_LOST",
          "PROVIDER_UNREACHABLE");

  /** One command sent. */
  private record Sent(String id, String connection, String operation) {
    boolean write() {
      return WRITES.contains(operation);
    }
  }

  /** What the results topic said. */
  private record Outcome(
      long completed,
      long failed,
      long writesCompleted,
      long writesUnknown,
      long writesUnknownConnectionLost,
      Map<String, Long> failedByCode) {}

  @Test
  void mixedReadsStreamsAndWritesUnderRandomProviderFaults() throws Exception {
    long started = System.nanoTime();
    try (AccengageFixture acc = new AccengageFixture(MESSAGES, SEGMENTS, DEVICES)) {
      Map<String, ObjectNode> connections =
          Map.of(
              "shop", acc.connection(AccengageFixture.KEY).put("requestTimeout", "1s"),
              "shop2", acc.connection(AccengageFixture.KEY).put("requestTimeout", "1s"));
      List<Sent> sent = new ArrayList<>();
      Outcome outcome;
      long heap;
      try (RuntimeHarness platform = RuntimeHarness.start("accengage", connections, s -> s)) {
        List<Long> messageIds = messageIds(platform); // before the faults: ids to read and send
        acc.scenario(
            AccengageScenario.none()
                .withRandomFaults(
                    new RandomFaults(SEED, 0.10, 503, 0.05, 1, 0.03, 1_500L, 0.05, true)));
        Random random = new Random(SEED);
        for (int i = 0; i < COMMANDS; i++) {
          sent.add(send(platform, random, messageIds));
        }
        outcome = verify(platform, sent);
        heap = usedHeapAfterGc(); // the platform running, the test's reader closed
        GroupOffsets.awaitAllCommitted(
            platform.settings().bootstrap(),
            platform.settings().groupId("accengage"),
            platform.topics().commands(),
            Duration.ofSeconds(30));
      }
      AccengageStats stats = acc.sim().stats();
      long writeCommands = sent.stream().filter(Sent::write).count();
      long distinct =
          stats.distinctWritesApplied().values().stream().mapToLong(Long::longValue).sum();
      long duplicates = stats.duplicateWrites();
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      System.out.println(
          "FAULT-SUITE provider=accengage commands="
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
              + " writesUnknown="
              + outcome.writesUnknown()
              + " (lostAnswer="
              + outcome.writesUnknownConnectionLost()
              + ") writesApplied="
              + stats.totalWritesApplied()
              + " distinctWritesApplied="
              + distinct
              + " resentAfterLostAnswer="
              + stats.writesResentAfterLostAnswer()
              + " providerCalls="
              + stats.calls().values().stream().mapToLong(Long::longValue).sum()
              + " tokens="
              + stats.tokensIssued());

      assertThat(outcome.completed() + outcome.failed()).isEqualTo(COMMANDS);
      assertThat(stats.faults(FaultDice.SERVER_ERROR)).as("the mode fired").isPositive();
      assertThat(stats.faults(FaultDice.RATE_LIMIT)).isPositive();
      assertThat(stats.faults(FaultDice.TIMEOUT)).isPositive();
      assertThat(stats.faults(FaultDice.LOST_ANSWER)).isPositive();
      assertThat(stats.signatureFailures()).as("every request still signed right").isZero();
      // Lost answers: each one is a command failed WRITE_OUTCOME_UNKNOWN on a lost connection, and
      // none of those writes reached Accengage again.
      assertThat(outcome.writesUnknownConnectionLost())
          .as("writes failed on a lost answer")
          .isEqualTo(stats.writeAnswersLost());
      assertThat(stats.writesResentAfterLostAnswer())
          .as("blind re-sends after a lost answer")
          .isZero();
      // Duplicates: reported; consistent with what the simulator applied.
      assertThat(duplicates)
          .isGreaterThanOrEqualTo(0)
          .isEqualTo(stats.totalWritesApplied() - distinct);
      assertThat(distinct)
          .as("distinct writes applied")
          .isLessThanOrEqualTo(writeCommands)
          .isGreaterThanOrEqualTo(outcome.writesCompleted() + stats.writeAnswersLost());
      assertThat(heap).as("used heap after GC").isLessThan(HEAP_BOUND);
    }
  }

  /** The app's message ids, read with a plain {@code messages.list} before any fault. */
  private static List<Long> messageIds(RuntimeHarness platform) throws Exception {
    String id = platform.send(RuntimeHarness.command("messages.list", "shop", null));
    try (TopicReader r = platform.results()) {
      r.untilTerminal(List.of(id), Duration.ofSeconds(60));
      List<Long> ids =
          r.events(id).stream()
              .filter(e -> e.path("type").asText().equals("record"))
              .map(e -> e.path("data").path("id").asLong())
              .toList();
      assertThat(ids).hasSize((int) MESSAGES);
      return ids;
    }
  }

  /** A random command: single reads, paged streams of 3+ pages, and writes (about a third). */
  private static Sent send(RuntimeHarness platform, Random random, List<Long> messageIds)
      throws Exception {
    String conn = random.nextBoolean() ? "shop" : "shop2";
    ObjectNode params = Json.object();
    String op =
        switch (random.nextInt(12)) {
          case 0 -> "me.get";
          case 1 -> "apps.get";
          case 2 -> {
            params.put(
                "messageId", String.valueOf(messageIds.get(random.nextInt(messageIds.size()))));
            yield "messages.get";
          }
          case 3, 4 -> "messages.list";
          case 5 -> "segments.list";
          case 6, 7 -> "devices.export";
          case 8, 9 -> "messages.create";
          default -> "messages.send";
        };
    ObjectNode command = RuntimeHarness.command(op, conn, params);
    String id = command.path("id").asText();
    if (op.equals("messages.create")) {
      // unique per command, so a re-sent command is a duplicate and two commands never are
      params.putObject("message").put("subject", "Fault suite").put("text", "command " + id);
    } else if (op.equals("messages.send")) {
      params.put("messageId", String.valueOf(messageIds.get(random.nextInt(messageIds.size()))));
      params.putObject("target").put("staticListId", "list-" + id);
    }
    platform.send(command);
    return new Sent(id, conn, op);
  }

  private static Outcome verify(RuntimeHarness platform, List<Sent> sent) {
    long completed = 0;
    long failed = 0;
    long writesCompleted = 0;
    long writesUnknown = 0;
    long writesUnknownLost = 0;
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
          switch (s.operation()) {
            case "messages.list" -> {
              assertThat(records.size())
                  .as("messages (creates add more)")
                  .isGreaterThanOrEqualTo((int) MESSAGES);
              assertDistinct(s, records, "id");
            }
            case "segments.list" -> {
              assertThat(records).hasSize((int) SEGMENTS);
              assertDistinct(s, records, "id");
            }
            case "devices.export" -> {
              assertThat(records).hasSize((int) DEVICES);
              assertDistinct(s, records, "deviceId");
            }
            case "messages.create", "messages.send" -> {
              writesCompleted++;
              assertThat(terminal.path("data").path("id").isIntegralNumber())
                  .as(terminal.toString())
                  .isTrue();
            }
            default ->
                assertThat(terminal.path("data").isObject()).as(terminal.toString()).isTrue();
          }
        } else {
          failed++;
          JsonNode error = terminal.path("error");
          String code = error.path("code").asText();
          failedByCode.merge(code, 1L, Long::sum);
          if (s.write()) {
            assertThat(code)
                .as("%s %s failed: %s", s.operation(), s.id(), error)
                .isIn("WRITE_OUTCOME_UNKNOWN", "PROVIDER_RATE_LIMITED");
            if (code.equals("WRITE_OUTCOME_UNKNOWN")) {
              writesUnknown++;
              assertThat(error.path("retryable").asBoolean()).as(error.toString()).isFalse();
              if (lostConnection(error)) {
                writesUnknownLost++;
              }
            }
          } else {
            assertThat(code).as("%s %s failed: %s", s.operation(), s.id(), error).isIn(TRANSIENT);
            assertThat(error.path("retryable").asBoolean()).as(error.toString()).isTrue();
          }
        }
      }
    }
    return new Outcome(
        completed, failed, writesCompleted, writesUnknown, writesUnknownLost, failedByCode);
  }

  /** No record lost or repeated: as many distinct {@code idField} values as records. */
  private static void assertDistinct(Sent s, List<JsonNode> records, String idField) {
    assertThat(records.stream().map(r -> r.path("data").path(idField).asText()).distinct().count())
        .as("distinct %s of %s %s", idField, s.operation(), s.id())
        .isEqualTo(records.size());
  }

  /**
   * The unknown outcome came from a connection closed before the answer ("accengage messages.create
   * failed: HttpClosedException"), not from a timeout or a status.
   */
  private static boolean lostConnection(JsonNode error) {
    String m = error.path("message").asText();
    return error.path("category").asText().equals("TRANSIENT")
        && m.contains(" failed: ")
        && !m.contains("Timeout");
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
