package dev.switchboard.kafka.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The shared broker and a private one are real, separate brokers. */
class KafkaTestKitIT {
  @Test
  void sharedBrokerIsStartedOnceAndPrivateBrokersAreSeparate() throws Exception {
    long began = System.nanoTime();
    String shared = KafkaTestKit.bootstrapServers();
    System.out.printf(
        "shared broker (%s) ready in %d ms%n",
        KafkaTestKit.source(), Duration.ofNanos(System.nanoTime() - began).toMillis());
    assertThat(KafkaTestKit.bootstrapServers()).isEqualTo(shared);
    createTopic(shared, "testkit-shared");

    try (KafkaTestKit.Broker own = KafkaTestKit.newBroker()) {
      assertThat(own.bootstrapServers()).isNotEqualTo(shared);
      createTopic(own.bootstrapServers(), "testkit-own");
      assertThat(topics(own.bootstrapServers()))
          .contains("testkit-own")
          .doesNotContain("testkit-shared");
    }
    // Closing the private broker leaves the shared one running.
    assertThat(topics(shared)).contains("testkit-shared");
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static void createTopic(String bootstrap, String topic) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
    }
  }

  private static Set<String> topics(String bootstrap) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      return admin.listTopics().names().get(20, TimeUnit.SECONDS);
    }
  }
}
