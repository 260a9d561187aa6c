package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import dev.switchboard.testing.scenario.WriteLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code switchboard replay} re-publishes a provider's commands; the ledger decides: every finished
 * write is answered with its recorded outcome (marked as a replay) and not applied again, every
 * read runs again. A dry run publishes nothing.
 */
class ReplayIT {

  @Test
  void aReplayOfTheWholeCommandsTopicAppliesNoWriteTwice() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                RuntimeHarness.freshSettings(),
                ScenarioConnector.ID,
                Map.of(
                    "c1",
                    Json.object().put("writeLog", writeLog.toString()),
                    "c2",
                    Json.object().put("writeLog", writeLog.toString())));
        TopicReader results = platform.results()) {
      List<String> writes = new ArrayList<>();
      List<String> reads = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String c = i % 2 == 0 ? "c1" : "c2";
        writes.add(
            platform.send(RuntimeHarness.command("write", c, Json.object().put("key", "k" + i))));
        reads.add(
            platform.send(RuntimeHarness.command("echo", c, Json.object().put("value", "v" + i))));
      }
      List<String> all = new ArrayList<>(writes);
      all.addAll(reads);
      results.untilTerminal(all, Duration.ofSeconds(60));
      awaitRecorded(platform, all);
      String prefix = platform.topics().prefix();
      String bootstrap = platform.settings().bootstrap();

      String dry =
          run(
              "replay",
              "--provider",
              "scenario",
              "--from-offset",
              "0",
              "--dry-run",
              "--bootstrap",
              bootstrap,
              "--topic-prefix",
              prefix);
      assertThat(dry).startsWith("would re-publish 40 records");
      results.settle(Duration.ofSeconds(2));
      assertThat(all).allSatisfy(id -> assertThat(results.terminals(id)).hasSize(1));

      String done =
          run(
              "replay",
              "--provider",
              "scenario",
              "--from-offset",
              "0",
              "--bootstrap",
              bootstrap,
              "--topic-prefix",
              prefix);
      assertThat(done).startsWith("re-published 40 records");
      results.until(
          r -> all.stream().allMatch(id -> r.terminals(id).size() == 2), Duration.ofSeconds(60));
      for (String id : writes) {
        List<JsonNode> answers = results.terminals(id);
        assertThat(answers.get(1)).isEqualTo(answers.get(0)); // the recorded outcome
        assertThat(replayHeader(results, id)).isEqualTo("true");
      }
      for (String id : reads) {
        assertThat(replayHeader(results, id)).isNull(); // ran again
      }
      assertThat(WriteLog.counts(writeLog).values()).hasSize(20).containsOnly(1L);
    }
  }

  @Test
  void deadLettersAreReDrivenToThePartitionTheyCameFrom() throws Exception {
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                RuntimeHarness.freshSettings(), ScenarioConnector.ID, Map.of("c1", Json.object()));
        TopicReader dlq = platform.dlq()) {
      platform.sendRaw(
          "c1".getBytes(StandardCharsets.UTF_8),
          "{\"operation\":\"echo\"}".getBytes(StandardCharsets.UTF_8),
          List.of());
      dlq.until(r -> r.all().size() == 1, Duration.ofSeconds(60));
      String done =
          run(
              "replay",
              "--provider",
              "scenario",
              "--dlq",
              "--from-offset",
              "0",
              "--bootstrap",
              platform.settings().bootstrap(),
              "--topic-prefix",
              platform.topics().prefix());
      assertThat(done).startsWith("re-published 1 records from " + platform.topics().dlq());
      try (TopicReader commands =
          RuntimeHarness.reader(platform.settings().bootstrap(), platform.topics().commands())) {
        commands.until(r -> r.all().size() == 2, Duration.ofSeconds(30));
        var original = commands.all().get(0);
        var redriven =
            commands.all().stream()
                .filter(r -> r.offset() == 1 || r.partition() != original.partition())
                .findFirst()
                .orElseThrow();
        assertThat(redriven.partition()).isEqualTo(original.partition());
        assertThat(redriven.value()).isEqualTo(original.value());
        assertThat(redriven.headers().lastHeader(ContractHeaders.DLQ_REASON)).isNull();
        assertThat(
                new String(
                    redriven.headers().lastHeader(ContractHeaders.REPLAY).value(),
                    StandardCharsets.UTF_8))
            .isEqualTo(
                platform.topics().commands()
                    + "/"
                    + original.partition()
                    + "/"
                    + original.offset());
      }
    }
  }

  private static String replayHeader(TopicReader results, String id) {
    return results.all().stream()
        .filter(
            r ->
                id.equals(new String(r.key(), StandardCharsets.UTF_8))
                    && r.headers().lastHeader(ContractHeaders.REPLAY) != null)
        .map(
            r ->
                new String(
                    r.headers().lastHeader(ContractHeaders.REPLAY).value(), StandardCharsets.UTF_8))
        .findFirst()
        .orElse(null);
  }

  /** Waits until the ledger has every outcome (until then a re-sent id joins the running one). */
  private static void awaitRecorded(RuntimeHarness platform, List<String> ids) {
    try (TopicReader ledger =
        RuntimeHarness.reader(platform.settings().bootstrap(), platform.topics().ledger())) {
      ledger.until(
          r ->
              ids.stream()
                  .allMatch(
                      id ->
                          r.all().stream()
                              .anyMatch(
                                  rec ->
                                      id.equals(new String(rec.key(), StandardCharsets.UTF_8))
                                          && "finished"
                                              .equals(
                                                  new String(
                                                      rec.headers()
                                                          .lastHeader("switchboard_ledger_state")
                                                          .value(),
                                                      StandardCharsets.UTF_8)))),
          Duration.ofSeconds(30));
    }
  }

  private static String run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new Main()).execute(args);
      assertThat(code).isZero();
    } finally {
      System.setOut(out);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
