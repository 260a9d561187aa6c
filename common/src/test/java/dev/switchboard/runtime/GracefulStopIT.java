package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.GroupOffsets;
import dev.switchboard.testing.RuntimeHarness;
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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop commits what is finished and hands its partitions over at once, every time,
 * static members included: three instances, one stopped and replaced per round, writes in flight
 * throughout. No partition waits for a session timeout, and no finished write runs again.
 */
class GracefulStopIT {
  private static final int PARTITIONS = 6;

  @Test
  void everyGracefulStopHandsItsPartitionsOverAtOnceAndRepeatsNothing() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    Map<String, ObjectNode> connections = new LinkedHashMap<>();
    for (int c = 1; c <= PARTITIONS; c++) {
      connections.put("c" + c, Json.object().put("writeLog", writeLog.toString()));
    }
    RuntimeSettings settings = RuntimeHarness.freshSettings().withPartitions(PARTITIONS);
    String group = settings.groupId(ScenarioConnector.ID);
    List<RuntimeHarness> live = new ArrayList<>();
    for (String id : List.of("gs-0", "gs-1", "gs-2")) {
      live.add(
          RuntimeHarness.start(settings.withInstanceId(id), ScenarioConnector.ID, connections));
    }
    List<String> ids = new ArrayList<>();
    List<Long> handovers = new ArrayList<>();
    try (TopicReader results = live.get(0).results()) {
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 30; i++) {
          ids.add(
              live.get(0)
                  .send(
                      RuntimeHarness.command(
                          "write",
                          "c" + (1 + i % PARTITIONS),
                          Json.object()
                              .put("key", "r" + round + "-" + i)
                              .put("delayMs", 20 * (i % 5)))));
        }
        RuntimeHarness leaving = live.remove(round % live.size());
        String identity = leaving.settings().instanceId();
        long stopAt = System.nanoTime();
        leaving.close();
        awaitOwnedBy(settings.bootstrap(), group, live.size());
        handovers.add((System.nanoTime() - stopAt) / 1_000_000);
        live.add(
            RuntimeHarness.start(
                settings.withInstanceId(identity), ScenarioConnector.ID, connections));
      }
      results.untilTerminal(ids, Duration.ofSeconds(120));
      System.out.println("graceful stop to all partitions owned by the others, ms: " + handovers);
      // Kafka's 45 s session would have held a static member's partitions had it not left.
      assertThat(handovers).allSatisfy(ms -> assertThat(ms).isLessThan(20_000));
      assertThat(ids)
          .allSatisfy(
              id ->
                  assertThat(results.terminals(id))
                      .singleElement()
                      .satisfies(e -> assertThat(e.path("type").asText()).isEqualTo("completed")));
      assertThat(WriteLog.counts(writeLog).values()).hasSize(ids.size()).containsOnly(1L);
      GroupOffsets.awaitAllCommitted(
          settings.bootstrap(), group, live.get(0).topics().commands(), Duration.ofSeconds(60));
    } finally {
      for (RuntimeHarness h : live) {
        h.close();
      }
    }
  }

  /** Waits until exactly {@code members} members own all partitions between them. */
  private static void awaitOwnedBy(String bootstrap, String group, int members) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(p)) {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < end) {
        ConsumerGroupDescription d =
            admin
                .describeConsumerGroups(List.of(group))
                .describedGroups()
                .get(group)
                .get(30, TimeUnit.SECONDS);
        int owned =
            d.members().stream()
                .map(MemberDescription::assignment)
                .mapToInt(a -> a.topicPartitions().size())
                .sum();
        if (d.members().size() == members && owned == PARTITIONS) {
          return;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("partitions not handed over within 90 s");
    }
  }
}
