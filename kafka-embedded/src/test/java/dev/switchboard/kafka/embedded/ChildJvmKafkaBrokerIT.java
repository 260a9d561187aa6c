package dev.switchboard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker in a child JVM: a record acknowledged with acks=all survives kill -9 and a restart. */
class ChildJvmKafkaBrokerIT {
  @TempDir Path dataDir;

  @Test
  void acknowledgedRecordSurvivesKill9() throws Exception {
    long began = System.nanoTime();
    try (ChildJvmKafkaBroker broker = ChildJvmKafkaBroker.start(dataDir, 0)) {
      System.out.printf(
          "child start: %d ms%n", Duration.ofNanos(System.nanoTime() - began).toMillis());
      String bootstrap = broker.bootstrapServers();
      RecordMetadata written = KafkaClients.produce(bootstrap, "payments", "p1", "paid");

      broker.kill();
      began = System.nanoTime();
      broker.restart();
      System.out.printf(
          "child restart after kill -9: %d ms%n",
          Duration.ofNanos(System.nanoTime() - began).toMillis());
      assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);

      try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, "recovery")) {
        consumer.subscribe(List.of("payments"));
        List<ConsumerRecord<String, String>> records =
            KafkaClients.poll(consumer, 1, Duration.ofSeconds(20));
        assertThat(records)
            .singleElement()
            .satisfies(
                record -> {
                  assertThat(record.value()).isEqualTo("paid");
                  assertThat(record.offset()).isEqualTo(written.offset());
                });
      }
    }
    assertThat(dataDir.resolve("broker.log")).exists();
  }
}
