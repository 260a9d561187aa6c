package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.kafka.testkit.KafkaTestKit;
import dev.switchboard.message.Topics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.sandbox.accengage.AccengageScenario;
import dev.switchboard.sandbox.accengage.AccengageStats;
import dev.switchboard.testing.CommandSender;
import dev.switchboard.testing.CrashReplay;
import dev.switchboard.testing.CrashReplay.Answer;
import dev.switchboard.testing.CrashReplay.LedgerTrace;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.PlatformProcess;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's instance crash for Accengage, which has no idempotency key and no look-up: two
 * platform instances (child JVMs, static members) run the real connector against the simulator,
 * whose every call takes {@value #LATENCY_MS} ms before it is applied, and whose answers then take
 * {@value #ANSWER_DELAY_MS} ms more to come back ({@link ResponseDelayProxy}), so a kill catches
 * writes both before and after the provider applied them. 200 writes ({@code messages.create} and
 * {@code messages.send}, each its own command id) are published, and once about a quarter are
 * answered one instance is killed with SIGKILL, mid-call, and restarted under its identity. Then
 * the whole commands topic is published again.
 *
 * <p>Asserted: every command answered; no write applied twice (the simulator's applied writes equal
 * its distinct writes); a write the kill caught between its ledger <em>started</em> record and its
 * outcome ends {@code failed WRITE_IN_DOUBT} (CONFLICT, not retryable), or {@code completed} when
 * its answer got out before the kill; a command has one answer, and every re-emitted answer ({@code
 * switchboard_replay: true}), after the crash and after the full replay, equals the first (JSON
 * equality); every commands partition committed to its end.
 */
class AccengageCrashIT {
  private static final String PROVIDER = "accengage";
  private static final int WRITES = 200;
  private static final int PARTITIONS = 6;
  private static final long LATENCY_MS = 150;
  private static final long ANSWER_DELAY_MS = 250;

  /** Between two commands published, so that calls are in flight all along. */
  private static final long PACE_MS = 15;

  private static final long MESSAGES = 20;

  @Test
  void killedMidWriteThenRestartedThenEveryCommandReplayedAppliesNoWriteTwice() throws Exception {
    long began = System.nanoTime();
    String bootstrap = KafkaTestKit.bootstrapServers();
    String prefix = "acx" + UUID.randomUUID().toString().substring(0, 8);
    Topics topics = new Topics(prefix, PROVIDER);
    String group = RuntimeSettings.defaults(bootstrap).withTopicPrefix(prefix).groupId(PROVIDER);
    try (AccengageFixture acc = new AccengageFixture(MESSAGES, 5, 5);
        ResponseDelayProxy proxy =
            ResponseDelayProxy.start(
                acc.vertx(), acc.sim().host(), acc.sim().port(), ANSWER_DELAY_MS)) {
      // One connection per commands partition (the key is the connection), all on one user.
      Map<String, ObjectNode> connections = new LinkedHashMap<>();
      for (String name : CrashReplay.onePerPartition("shop", PARTITIONS)) {
        connections.put(name, acc.connection(AccengageFixture.KEY).put("baseUrl", proxy.baseUrl()));
      }
      List<String> names = List.copyOf(connections.keySet());
      String[] args = {
        "bootstrap=" + bootstrap,
        "prefix=" + prefix,
        "partitions=" + PARTITIONS,
        "provider=" + PROVIDER,
        PlatformProcess.connectionsFile(connections)
      };
      try (PlatformProcess a =
              PlatformProcess.start(
                  Files.createTempFile("acx-a", ".log"), with(args, "instance=acx-a"));
          PlatformProcess b =
              PlatformProcess.start(
                  Files.createTempFile("acx-b", ".log"), with(args, "instance=acx-b"));
          CommandSender sender = new CommandSender(bootstrap, topics.commands());
          TopicReader results = readerWhenReady(a, b, bootstrap, topics)) {
        // The app's message ids, for messages.send: one read, before any latency.
        String list = sender.send(RuntimeHarness.command("messages.list", names.get(0), null));
        results.untilTerminal(List.of(list), Duration.ofSeconds(30));
        List<Long> messageIds =
            results.events(list).stream()
                .filter(e -> e.path("type").asText().equals("record"))
                .map(e -> e.path("data").path("id").asLong())
                .toList();
        assertThat(messageIds).hasSize((int) MESSAGES);

        acc.scenario(AccengageScenario.none().withLatencyMs(LATENCY_MS));
        List<ObjectNode> commands = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
          commands.add(write(i, names.get(i % names.size()), messageIds));
        }
        List<String> ids = commands.stream().map(c -> c.path("id").asText()).toList();
        Set<Integer> ofA =
            CrashReplay.awaitBalanced(
                    bootstrap,
                    group,
                    topics.commands(),
                    PARTITIONS,
                    List.of("acx-a", "acx-b"),
                    Duration.ofSeconds(30))
                .get("acx-a");

        AtomicReference<Throwable> publishFailed = new AtomicReference<>();
        Thread publisher =
            new Thread(
                () -> {
                  try {
                    for (ObjectNode c : commands) {
                      sender.send(c);
                      Thread.sleep(PACE_MS);
                    }
                  } catch (Throwable e) {
                    publishFailed.set(e);
                  }
                },
                "acx-publisher");
        publisher.setDaemon(true);
        publisher.start();
        results.until(
            r -> ids.stream().filter(r::hasTerminal).count() >= WRITES / 4, Duration.ofSeconds(60));
        a.kill();
        long killedAt = System.currentTimeMillis(); // dead by now: its last records are older
        long answeredAtKill = ids.stream().filter(results::hasTerminal).count();
        a.restart();
        Duration ready = a.awaitReady(Duration.ofSeconds(60));
        assertThat(
                CrashReplay.awaitBalanced(
                        bootstrap,
                        group,
                        topics.commands(),
                        PARTITIONS,
                        List.of("acx-a", "acx-b"),
                        Duration.ofSeconds(30))
                    .get("acx-a"))
            .as("the restarted static member's partitions")
            .isEqualTo(ofA);
        publisher.join(60_000);
        assertThat(publishFailed.get()).as("publishing").isNull();

        results.untilTerminal(ids, Duration.ofSeconds(60));
        GroupOffsets.awaitAllCommitted(bootstrap, group, topics.commands(), Duration.ofSeconds(30));
        results.settle(Duration.ofSeconds(1));
        Map<String, List<Answer>> firstRun = CrashReplay.answers(results);
        AccengageStats afterRun = acc.sim().stats();

        // The whole commands topic again: every write answered from the ledger.
        int mark = results.all().size();
        long republished = CrashReplay.republish(bootstrap, topics.commands());
        List<String> all = new ArrayList<>(ids);
        all.add(list);
        results.until(r -> CrashReplay.answeredSince(r, all, mark), Duration.ofSeconds(30));
        GroupOffsets.awaitAllCommitted(bootstrap, group, topics.commands(), Duration.ofSeconds(30));
        results.settle(Duration.ofSeconds(1));
        Map<String, List<Answer>> answers = CrashReplay.answers(results);
        AccengageStats stats = acc.sim().stats();
        Map<String, LedgerTrace> ledger = CrashReplay.ledger(bootstrap, topics.ledger());

        // Which writes the kill caught: started on the killed instance, not finished by then.
        List<String> caught =
            ids.stream()
                .filter(
                    id ->
                        ledger.containsKey(id)
                            && ofA.contains(ledger.get(id).partition())
                            && ledger.get(id).inFlightAt(killedAt))
                .toList();
        long completed = 0;
        long inDoubt = 0;
        long caughtCompleted = 0;
        long redeliveryReplays = 0;
        long replayedEqual = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Long> codes = new TreeMap<>();
        for (String id : ids) {
          List<Answer> before = firstRun.getOrDefault(id, List.of());
          List<Answer> each = answers.getOrDefault(id, List.of());
          if (before.isEmpty()) {
            problems.add(id + ": never answered");
            continue;
          }
          Answer first = before.get(0);
          if (first.type().equals("completed")) {
            completed++;
            if (caught.contains(id)) {
              caughtCompleted++;
            }
            assertThat(first.event().path("data").path("id").isIntegralNumber())
                .as(first.event().toString())
                .isTrue();
          } else {
            codes.merge(String.valueOf(first.code()), 1L, Long::sum);
            if ("WRITE_IN_DOUBT".equals(first.code())) {
              inDoubt++;
              JsonNode error = first.event().path("error");
              assertThat(error.path("category").asText())
                  .as(error.toString())
                  .isEqualTo("CONFLICT");
              assertThat(error.path("retryable").asBoolean()).as(error.toString()).isFalse();
              if (!caught.contains(id)) {
                problems.add(id + ": WRITE_IN_DOUBT but not caught by the kill: " + ledger.get(id));
              }
            } else {
              problems.add(id + ": first answer " + first.event());
            }
          }
          // One execution's answer per id; every other answer re-emitted and equal to it.
          for (Answer x : each.subList(1, each.size())) {
            if (!x.replay()) {
              problems.add(
                  id
                      + ": answered again, not as a replay: first "
                      + first.event()
                      + " then "
                      + x.event());
            } else if (!x.event().equals(first.event())) {
              problems.add(
                  id
                      + ": replay differs from the first answer: first "
                      + first.event()
                      + " then "
                      + x.event());
            }
          }
          redeliveryReplays += before.size() - 1;
          List<Answer> replayed = each.stream().filter(x -> x.index() >= mark).toList();
          if (replayed.size() == 1
              && replayed.get(0).replay()
              && replayed.get(0).event().equals(first.event())) {
            replayedEqual++;
          } else {
            problems.add(id + ": after the full replay " + replayed);
          }
        }
        long distinct =
            stats.distinctWritesApplied().values().stream().mapToLong(Long::longValue).sum();
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        CrashReplay.report(
            "accengage-kill-200-writes",
            "writes",
            WRITES,
            "completed",
            completed,
            "inDoubt",
            inDoubt,
            "applied",
            stats.totalWritesApplied(),
            "distinct",
            distinct,
            "duplicateWrites",
            stats.duplicateWrites(),
            "replayedEqual",
            replayedEqual,
            "restartToReadyMs",
            ready.toMillis(),
            "caughtMidCall",
            caught.size(),
            "caughtCompleted",
            caughtCompleted,
            "inDoubtApplied",
            distinct - completed,
            "answeredAtKill",
            answeredAtKill,
            "redeliveryReplays",
            redeliveryReplays,
            "republished",
            republished,
            "failureCodes",
            codes,
            "seconds",
            seconds);

        // No write applied twice, by the crash or by the full replay.
        assertThat(stats.totalWritesApplied()).as("applied writes").isEqualTo(distinct);
        assertThat(stats.totalWritesApplied())
            .as("the replay applied nothing")
            .isEqualTo(afterRun.totalWritesApplied());
        assertThat(distinct)
            .as("distinct writes applied")
            .isLessThanOrEqualTo(WRITES)
            .isGreaterThanOrEqualTo(completed);
        assertThat(caught).as("writes the kill caught mid-call").isNotEmpty();
        // Found by this test: when the kill landed after a write's answer was acknowledged but
        // before its outcome was in the ledger, the restarted instance answered it a second
        // time, differently (WRITE_IN_DOUBT after completed). The outcome is now recorded
        // before the answer is sent (LedgerGate.recorded).
        assertThat(problems).as("answers (see the FAULT-SUITE line)").isEmpty();
        assertThat(completed + inDoubt).as("every write answered").isEqualTo(WRITES);
        assertThat(replayedEqual).isEqualTo(WRITES);
        assertThat(answers.get(list).stream().filter(x -> x.index() >= mark).toList())
            .as("the read runs again")
            .singleElement()
            .satisfies(x -> assertThat(x.type()).isEqualTo("completed"));
        assertThat(republished).isEqualTo(WRITES + 1);
        assertThat(a.alive()).isTrue();
        assertThat(b.alive()).isTrue();
      }
    }
  }

  /** Waits for both instances (the topics exist from then on), then opens the results reader. */
  private static TopicReader readerWhenReady(
      PlatformProcess a, PlatformProcess b, String bootstrap, Topics topics) throws Exception {
    a.awaitReady(Duration.ofSeconds(60));
    b.awaitReady(Duration.ofSeconds(60));
    return RuntimeHarness.reader(bootstrap, topics.results());
  }

  /** A write of its own: a message with a text naming the command, or a push to its own list. */
  private static ObjectNode write(int i, String connection, List<Long> messageIds) {
    ObjectNode params = Json.object();
    boolean create = i % 2 == 0;
    ObjectNode command =
        RuntimeHarness.command(create ? "messages.create" : "messages.send", connection, params);
    String id = command.path("id").asText();
    if (create) {
      params.putObject("message").put("subject", "Crash suite").put("text", "command " + id);
    } else {
      params.put("messageId", String.valueOf(messageIds.get(i % messageIds.size())));
      params.putObject("target").put("staticListId", "list-" + id);
    }
    return command;
  }

  private static String[] with(String[] common, String extra) {
    String[] all = java.util.Arrays.copyOf(common, common.length + 1);
    all[common.length] = extra;
    return all;
  }
}
