package dev.switchboard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real in-process broker: records and committed offsets survive a graceful restart on the same
 * dir.
 */
class EmbeddedKafkaBrokerIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dataDir;

  @Test
  void keepsRecordsOffsetsAndPortsAcrossRestart() throws Exception {
    String topic = "orders";
    TopicPartition partition = new TopicPartition(topic, 0);
    String bootstrap;
    long began = System.nanoTime();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
      System.out.printf(
          "first start (format + start): %d ms%n",
          Duration.ofNanos(System.nanoTime() - began).toMillis());
      bootstrap = broker.bootstrapServers();
      assertThat(bootstrap).startsWith("127.0.0.1:");
      KafkaClients.produce(bootstrap, topic, "k1", "first");
      KafkaClients.produce(bootstrap, topic, "k2", "second");

      // Consume the first record in a group and commit past it only.
      try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, "billing")) {
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> records = KafkaClients.poll(consumer, 2, WAIT);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("first", "second");
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(records.get(0).offset() + 1)));
      }
    }

    began = System.nanoTime();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
      System.out.printf(
          "restart on the same dir: %d ms%n",
          Duration.ofNanos(System.nanoTime() - began).toMillis());
      assertThat(broker.bootstrapServers()).as("broker port kept").isEqualTo(bootstrap);

      // The committed offset survived: the group resumes at the second record.
      try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, "billing")) {
        assertThat(consumer.committed(Set.of(partition)).get(partition).offset()).isEqualTo(1);
        consumer.subscribe(List.of(topic));
        assertThat(KafkaClients.poll(consumer, 1, WAIT))
            .extracting(ConsumerRecord::value)
            .containsExactly("second");
      }
      // And both records are still in the log for a fresh group.
      try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, "audit")) {
        consumer.subscribe(List.of(topic));
        assertThat(KafkaClients.poll(consumer, 2, WAIT))
            .extracting(ConsumerRecord::value)
            .containsExactly("first", "second");
      }
    }
  }

  @Test
  void startFailsInsteadOfHangingOrKillingTheJvmWhenThePortIsTaken() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      long began = System.nanoTime();
      // A port the caller asked for never moves: the start fails, naming it.
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, squatter.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("broker port " + squatter.getLocalPort())
          .hasMessageContaining("given by the caller");
      System.out.printf(
          "failed start reported in %d ms%n",
          Duration.ofNanos(System.nanoTime() - began).toMillis());
    }
  }
}
