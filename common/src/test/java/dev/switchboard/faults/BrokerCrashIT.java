package dev.switchboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.kafka.embedded.ChildJvmKafkaBroker;
import dev.switchboard.kafka.embedded.ChildJvmKafkaCluster;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.MixedWorkload;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.StreamAssertions;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import dev.switchboard.testing.scenario.WriteLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker dies under a mixed workload with a long stream in flight: a single broker killed with
 * SIGKILL and restarted 7 s later, and one node of a 3-node cluster (replication 3,
 * min.insync.replicas 2) killed for good. Every command is answered; a stream either completes
 * whole or fails with a retryable code, never completes with a gap; commits reach the end. And a
 * broker killed and restarted at once, with either group protocol: the stream in flight completes
 * whole, exactly once.
 */
class BrokerCrashIT {
  private static final List<String> CONNECTIONS = List.of("c1", "c2", "c3");

  /** One broker for both group protocols: each run kills and restarts it. */
  private static ChildJvmKafkaBroker restarted;

  @Test
  void aSingleBrokerKilledMidStreamAndRestartedSevenSecondsLater() throws Exception {
    Path dir = Files.createTempDirectory("broker-crash");
    try (ChildJvmKafkaBroker broker = ChildJvmKafkaBroker.start(dir, 0)) {
      run(
          "broker-kill-restart",
          broker.bootstrapServers(),
          (short) 1,
          () -> {
            broker.kill();
            Thread.sleep(7_000);
            broker.restart();
          });
    }
  }

  @Test
  void oneNodeOfThreeKilledForGoodMidStream() throws Exception {
    Path dir = Files.createTempDirectory("cluster-node-loss");
    try (ChildJvmKafkaCluster cluster = ChildJvmKafkaCluster.start(dir, 3)) {
      run("cluster-node-kill", cluster.bootstrapServers(), (short) 3, () -> cluster.kill(0));
    }
  }

  /**
   * The broker is killed with SIGKILL in the middle of a stream and restarted at once on the same
   * data: the stream completes with every record exactly once, in order (idempotent producer), and
   * the platform goes on taking commands. With the classic protocol a restart can re-assign the
   * partitions, redelivering the running command to the instance running it, which must adopt it
   * rather than run it twice (with the cooperative assignor it usually keeps them;
   * CommandIntakeTest checks the adoption itself).
   */
  @ParameterizedTest
  @ValueSource(strings = {"consumer", "classic"})
  void aBrokerKilledAndRestartedAtOnceMidStreamLosesAndRepeatsNothing(String groupProtocol)
      throws Exception {
    if (restarted == null) {
      restarted = ChildJvmKafkaBroker.start(Files.createTempDirectory("broker-restart"), 0);
    }
    RuntimeSettings settings =
        RuntimeSettings.defaults(restarted.bootstrapServers())
            .withTopicPrefix("restart-" + groupProtocol)
            .withPartitions(2)
            .withKafka(Map.of("group.protocol", groupProtocol));
    try (RuntimeHarness platform =
            RuntimeHarness.start(settings, ScenarioConnector.ID, Map.of("c1", Json.object()));
        TopicReader results = platform.results()) {
      // 20 pages of 250, 200 ms apart: about four seconds
      String id =
          platform.send(
              RuntimeHarness.command(
                  "records",
                  "c1",
                  Json.object().put("count", 5_000).put("pageSize", 250).put("pageDelayMs", 200)));
      results.until(r -> r.events(id).size() > 500, Duration.ofSeconds(60));

      restarted.kill();
      restarted.restart();

      results.untilTerminal(List.of(id), Duration.ofSeconds(120));
      StreamAssertions.assertCompleteStream(results.events(id), 5_000, "i");

      String after = platform.send(RuntimeHarness.command("echo", "c1", null));
      results.untilTerminal(List.of(after), Duration.ofSeconds(60));
      assertThat(results.terminals(after).get(0).path("type").asText()).isEqualTo("completed");
    }
  }

  @AfterAll
  static void stopRestartedBroker() throws Exception {
    if (restarted != null) {
      restarted.close();
    }
  }

  interface Fault {
    void inject() throws Exception;
  }

  private void run(String scenario, String bootstrap, short replication, Fault fault)
      throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    Map<String, ObjectNode> connections = new LinkedHashMap<>();
    CONNECTIONS.forEach(
        c -> connections.put(c, Json.object().put("writeLog", writeLog.toString())));
    RuntimeSettings settings =
        RuntimeSettings.defaults(bootstrap)
            .withTopicPrefix(scenario)
            .withPartitions(3)
            .withReplicationFactor(replication)
            .withInstanceId(scenario + "-0");
    MixedWorkload work = new MixedWorkload(FaultSuite.size(300, 1_000), CONNECTIONS, 300, 11);
    long streamRecords = FaultSuite.size(20_000, 100_000);
    try (RuntimeHarness platform =
            RuntimeHarness.start(settings, ScenarioConnector.ID, connections);
        TopicReader results = platform.results()) {
      String stream =
          platform.send(
              RuntimeHarness.command(
                  "records",
                  "c1",
                  Json.object()
                      .put("count", streamRecords)
                      .put("pageSize", 500)
                      .put("pageDelayMs", 20)
                      .put("padBytes", 200)));
      for (ObjectNode c : work.commands()) {
        platform.send(c);
      }
      results.until(r -> r.events(stream).size() > streamRecords / 10, Duration.ofSeconds(120));
      long faultAt = System.currentTimeMillis();
      fault.inject();
      List<String> all = new ArrayList<>(work.ids());
      all.add(stream);
      results.untilTerminal(all, Duration.ofSeconds(300));
      GroupOffsets.awaitAllCommitted(
          bootstrap,
          settings.groupId(ScenarioConnector.ID),
          platform.topics().commands(),
          Duration.ofSeconds(120));

      MixedWorkload.Verdict v = work.verdict(results);
      var streamEnd = results.terminals(stream);
      long streamSeqs =
          results.events(stream).stream()
              .filter(e -> e.path("type").asText().equals("record"))
              .map(e -> e.path("seq").asLong())
              .distinct()
              .count();
      FaultSuite.report(
          scenario,
          "verdict",
          "\"" + v + "\"",
          "stream",
          streamEnd.get(0).path("type").asText() + "/" + streamSeqs,
          "duplicateWrites",
          FaultSuite.duplicateWrites(WriteLog.counts(writeLog)),
          "secondsToLastAnswer",
          (System.currentTimeMillis() - faultAt) / 1000,
          "longestSilenceMs",
          MixedWorkload.longestSilenceMs(results));
      assertThat(v.unanswered()).isZero();
      assertThat(v.gaps()).isEmpty();
      // A failure may only say "the broker was unavailable; try again".
      assertThat(v.failureCodes().keySet()).isSubsetOf(Set.of("PUBLISH_FAILED"));
      streamEnd.forEach(
          t -> {
            if (t.path("type").asText().equals("completed")) {
              assertThat(t.path("records").asLong()).isEqualTo(streamRecords);
              assertThat(streamSeqs).isEqualTo(streamRecords);
            } else {
              assertThat(t.path("error").path("retryable").asBoolean()).isTrue();
            }
          });
    }
  }
}
