package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.json.Json;
import dev.switchboard.message.Topics;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * Topics managed elsewhere (Strimzi {@code KafkaTopic}, a platform team): with createTopics off the
 * runtime creates nothing; a missing topic fails the start naming it, and topics made by someone
 * else are used as they are.
 */
class ManagedTopicsIT {
  @Test
  void withoutTopicCreationAMissingTopicFailsTheStartAndExistingOnesAreUsed() throws Exception {
    RuntimeSettings settings = RuntimeHarness.freshSettings().withCreateTopics(false);
    Topics topics = new Topics(settings.topicPrefix(), ScenarioConnector.ID);
    Map<String, com.fasterxml.jackson.databind.node.ObjectNode> conns = Map.of("c1", Json.object());

    assertThatThrownBy(() -> RuntimeHarness.start(settings, ScenarioConnector.ID, conns))
        .hasStackTraceContaining(topics.commands())
        .hasStackTraceContaining("kafka.createTopics is false");
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    try (Admin admin = Admin.create(p)) {
      assertThat(admin.listTopics().names().get())
          .as("nothing was created")
          .doesNotContain(topics.commands(), topics.results(), topics.dlq(), topics.ledger());
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.commands(), 2, (short) 1),
                  new NewTopic(topics.results(), 2, (short) 1),
                  new NewTopic(topics.dlq(), 1, (short) 1),
                  new NewTopic(topics.ledger(), 2, (short) 1)))
          .all()
          .get();
    }

    try (RuntimeHarness platform = RuntimeHarness.start(settings, ScenarioConnector.ID, conns);
        TopicReader results = platform.results()) {
      String id = platform.send(RuntimeHarness.command("echo", "c1", null));
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      assertThat(results.terminals(id).get(0).path("type").asText()).isEqualTo("completed");
    }
  }
}
