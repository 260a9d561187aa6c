package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.kafka.testkit.KafkaTestKit;
import dev.switchboard.message.Topics;
import dev.switchboard.testing.CommandSender;
import dev.switchboard.testing.PlatformProcess;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import dev.switchboard.testing.scenario.ScenarioPlatformMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Instance identity as Kafka static membership: an instance killed with SIGKILL and started again
 * under its identity takes its partitions back at once, instead of waiting out the dead member's
 * session (45 s by default, during which its partitions answered nothing). Two live instances with
 * one identity: the older one stops with an error rather than run on idle.
 */
class StaticMembershipIT {
  /** Kafka's default session timeout: what a restarted dynamic member waited. */
  private static final Duration SESSION = Duration.ofSeconds(45);

  private final String bootstrap = KafkaTestKit.bootstrapServers();
  private final String prefix = "sm" + UUID.randomUUID().toString().substring(0, 8);
  private final Topics topics = new Topics(prefix, ScenarioConnector.ID);

  private PlatformProcess instance(Path log, String id) throws Exception {
    return PlatformProcess.start(
        log, "bootstrap=" + bootstrap, "prefix=" + prefix, "partitions=3", "instance=" + id);
  }

  @Test
  void anInstanceKilledAndRestartedWithItsIdentityAnswersAtOnce() throws Exception {
    Path log = Files.createTempFile("platform", ".log");
    try (PlatformProcess a = instance(log, "sm-a");
        CommandSender sender = new CommandSender(bootstrap, topics.commands())) {
      a.awaitReady(Duration.ofSeconds(60)); // topics exist from here on
      TopicReader results = RuntimeHarness.reader(bootstrap, topics.results());
      String before = sender.send(RuntimeHarness.command("echo", "c1", null));
      results.untilTerminal(List.of(before), Duration.ofSeconds(30));

      a.kill();
      a.restart();
      // Sent at once: on every partition it must wait for the restarted instance.
      List<String> after =
          List.of("c1", "c2", "c3").stream()
              .map(
                  c ->
                      sender.send(RuntimeHarness.command("echo", c, Json.object().put("value", c))))
              .toList();
      Duration ready = a.awaitReady(Duration.ofSeconds(60));
      results.untilTerminal(after, Duration.ofSeconds(90));
      Duration answered = Duration.ofNanos(System.nanoTime() - a.startedAtNanos());
      System.out.printf(
          "restart to ready %d ms, to all answered %d ms%n", ready.toMillis(), answered.toMillis());
      // Generous against a busy machine, yet well under the session a dynamic member waits.
      assertThat(answered).isLessThan(SESSION.minusSeconds(15));
      after.forEach(
          id ->
              assertThat(results.terminals(id))
                  .singleElement()
                  .satisfies(e -> assertThat(e.path("type").asText()).isEqualTo("completed")));
      results.close();
    }
  }

  @Test
  void anInstanceWhoseIdentityIsTakenByALiveOneStopsWithAnError() throws Exception {
    Path log = Files.createTempFile("platform", ".log");
    Path log2 = Files.createTempFile("platform", ".log");
    try (PlatformProcess older = instance(log, "sm-same");
        CommandSender sender = new CommandSender(bootstrap, topics.commands())) {
      older.awaitReady(Duration.ofSeconds(60));
      try (PlatformProcess newer = instance(log2, "sm-same")) {
        newer.awaitReady(Duration.ofSeconds(60));
        assertThat(older.awaitExit(Duration.ofSeconds(60))).isEqualTo(3);
        assertThat(older.lastStartOutput())
            .contains(ScenarioPlatformMain.FENCED)
            .contains("event=instance.fenced");
        String id = sender.send(RuntimeHarness.command("echo", "c2", null));
        try (TopicReader results = RuntimeHarness.reader(bootstrap, topics.results())) {
          results.untilTerminal(List.of(id), Duration.ofSeconds(60));
        }
        assertThat(newer.alive()).isTrue();
      }
    }
  }
}
