package dev.switchboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.kafka.testkit.KafkaTestKit;
import dev.switchboard.message.Topics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.testing.CommandSender;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.MixedWorkload;
import dev.switchboard.testing.PlatformProcess;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import dev.switchboard.testing.scenario.WriteLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of one of two instances (child JVMs, static membership) in the middle of a mixed
 * workload, then a restart under the same identity: every command is answered, every completed
 * stream is whole, no partition's commits stall, and no write is applied twice (the ledger): a
 * write the crash caught mid-call is answered {@code WRITE_IN_DOUBT} (the scenario connector has no
 * look-up), applied once or not at all.
 */
class InstanceCrashIT {

  @Test
  void oneOfTwoInstancesKilledMidWorkloadAndRestartedLosesNothing() throws Exception {
    String bootstrap = KafkaTestKit.bootstrapServers();
    String prefix = "ic" + UUID.randomUUID().toString().substring(0, 8);
    Topics topics = new Topics(prefix, ScenarioConnector.ID);
    Path writeLog = Files.createTempFile("writes", ".log");
    List<String> connections = List.of("c1", "c2", "c3", "c4", "c5", "c6");
    MixedWorkload work = new MixedWorkload(FaultSuite.size(600, 2_000), connections, 400, 7);
    String[] common = {
      "bootstrap=" + bootstrap,
      "prefix=" + prefix,
      "partitions=6",
      "connections=6",
      "writeLog=" + writeLog
    };
    try (PlatformProcess a =
            PlatformProcess.start(
                Files.createTempFile("a", ".log"), with(common, "instance=ic-a"));
        PlatformProcess b =
            PlatformProcess.start(
                Files.createTempFile("b", ".log"), with(common, "instance=ic-b"));
        CommandSender sender = new CommandSender(bootstrap, topics.commands())) {
      a.awaitReady(Duration.ofSeconds(60));
      b.awaitReady(Duration.ofSeconds(60));
      try (TopicReader results = RuntimeHarness.reader(bootstrap, topics.results())) {
        work.commands().forEach(sender::send);
        results.until(
            r -> work.ids().stream().filter(r::hasTerminal).count() > work.ids().size() / 4,
            Duration.ofSeconds(120));
        a.kill();
        a.restart();
        Duration ready = a.awaitReady(Duration.ofSeconds(60));
        results.untilTerminal(work.ids(), Duration.ofSeconds(240));
        GroupOffsets.awaitAllCommitted(
            bootstrap,
            RuntimeSettings.defaults(bootstrap)
                .withTopicPrefix(prefix)
                .groupId(ScenarioConnector.ID),
            topics.commands(),
            Duration.ofSeconds(60));

        MixedWorkload.Verdict v = work.verdict(results);
        Map<String, Long> writes = WriteLog.counts(writeLog);
        FaultSuite.report(
            "instance-kill",
            "verdict",
            "\"" + v + "\"",
            "duplicateWrites",
            FaultSuite.duplicateWrites(writes),
            "restartToReadyMs",
            ready.toMillis(),
            "longestSilenceMs",
            MixedWorkload.longestSilenceMs(results));
        assertThat(v.unanswered()).isZero();
        assertThat(v.gaps()).isEmpty();
        assertThat(v.failureCodes().keySet()).isSubsetOf(java.util.Set.of("WRITE_IN_DOUBT"));
        assertThat(writes.values()).allMatch(n -> n == 1); // never twice
        assertThat(writes.keySet()).containsAll(work.completedWriteKeys(results));
        assertThat(a.alive()).isTrue(); // no OutOfMemoryError exit (-Xmx256m)
        assertThat(b.alive()).isTrue();

        // Then the whole commands topic replayed: reads run again, every write is answered
        // with its first outcome (in doubt stays in doubt), and none is applied again.
        work.commands().forEach(sender::send);
        results.until(
            r -> work.ids().stream().allMatch(id -> r.terminals(id).size() >= 2),
            Duration.ofSeconds(240));
        for (String key : work.writeKeys()) {
          String id = work.idOfWrite(key);
          var answers = results.terminals(id);
          assertThat(answers.get(answers.size() - 1)).isEqualTo(answers.get(0));
        }
        assertThat(WriteLog.counts(writeLog)).isEqualTo(writes);
        FaultSuite.report(
            "instance-kill-then-replay",
            "commands",
            work.ids().size(),
            "writesReplayedUnchanged",
            work.writeKeys().size(),
            "duplicateWrites",
            FaultSuite.duplicateWrites(WriteLog.counts(writeLog)));
      }
    }
  }

  private static String[] with(String[] common, String extra) {
    String[] all = java.util.Arrays.copyOf(common, common.length + 1);
    all[common.length] = extra;
    return all;
  }
}
