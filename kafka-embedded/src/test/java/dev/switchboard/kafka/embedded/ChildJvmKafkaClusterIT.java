package dev.switchboard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-node cluster of child JVMs: with the partition leader killed (kill -9), acks=all producing
 * and group consuming go on on the two others; the restarted node rejoins and is back in the ISR.
 */
class ChildJvmKafkaClusterIT {
  private static final String TOPIC = "ledger";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void acksAllSurvivesAKilledLeaderAndTheNodeRejoins() throws Exception {
    long began = System.nanoTime();
    try (ChildJvmKafkaCluster cluster = ChildJvmKafkaCluster.start(dir, 3)) {
      System.out.printf("cluster start (3 nodes): %d ms%n", millisSince(began));
      assertThat(cluster.nodeCount()).isEqualTo(3);
      assertThat(cluster.bootstrapServers().split(","))
          .hasSize(3)
          .contains(cluster.bootstrapServers(0));
      String bootstrap = cluster.bootstrapServers();

      try (Admin admin =
              Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
          KafkaProducer<String, String> producer = producer(bootstrap);
          KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, "settlement")) {
        assertThat(admin.describeCluster().nodes().get())
            .extracting(Node::id)
            .containsExactlyInAnyOrder(1, 2, 3);
        admin
            .createTopics(List.of(new NewTopic(TOPIC, 1, (short) 3)))
            .all()
            .get(30, TimeUnit.SECONDS);
        await("ISR of 3", () -> isr(admin).size() == 3);

        send(producer, "before", 10);
        consumer.subscribe(List.of(TOPIC));
        consumeAndCommit(consumer, 10);

        int leaderIndex = leader(admin) - 1;
        long killed = System.nanoTime();
        cluster.kill(leaderIndex);
        assertThat(cluster.isRunning(leaderIndex)).isFalse();

        // min.insync.replicas is 2: acks=all goes on with the two nodes left.
        send(producer, "during", 10);
        System.out.printf(
            "10 acks=all records after kill -9 of the leader (node %d): %d ms%n",
            cluster.nodeId(leaderIndex), millisSince(killed));
        assertThat(consumeAndCommit(consumer, 10))
            .extracting(ConsumerRecord::value)
            .startsWith("during-0");
        assertThat(isr(admin)).hasSize(2).doesNotContain(cluster.nodeId(leaderIndex));

        long restarted = System.nanoTime();
        cluster.restart(leaderIndex);
        await("3 brokers", () -> brokers(admin).size() == 3);
        await("ISR back to 3", () -> isr(admin).size() == 3);
        System.out.printf("restart until back in the ISR: %d ms%n", millisSince(restarted));

        send(producer, "after", 1);
        assertThat(consumeAndCommit(consumer, 1))
            .extracting(ConsumerRecord::value)
            .containsExactly("after-0");
        assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(21);
      }
    }
    System.out.printf("cluster test total: %d ms%n", millisSince(began));
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            30_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000),
        new StringSerializer(),
        new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String prefix, int count)
      throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(producer.send(new ProducerRecord<>(TOPIC, "k" + i, prefix + "-" + i)));
    }
    for (Future<RecordMetadata> ack : sent) {
      ack.get(30, TimeUnit.SECONDS);
    }
  }

  private static List<ConsumerRecord<String, String>> consumeAndCommit(
      KafkaConsumer<String, String> consumer, int count) {
    List<ConsumerRecord<String, String>> records = KafkaClients.poll(consumer, count, WAIT);
    assertThat(records).hasSize(count);
    consumer.commitSync(
        Map.of(PARTITION, new OffsetAndMetadata(records.get(count - 1).offset() + 1)), WAIT);
    return records;
  }

  private static TopicDescription describe(Admin admin) throws Exception {
    return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS).get(TOPIC);
  }

  private static int leader(Admin admin) throws Exception {
    return describe(admin).partitions().get(0).leader().id();
  }

  private static List<Integer> isr(Admin admin) throws Exception {
    return describe(admin).partitions().get(0).isr().stream().map(Node::id).toList();
  }

  private static List<Integer> brokers(Admin admin) throws Exception {
    return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id).toList();
  }

  /** Polls {@code condition} (a short sleep between tries) until true, for at most 30 s. */
  private static void await(String what, ThrowingCondition condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + WAIT + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  private interface ThrowingCondition {
    boolean holds() throws Exception;
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }
}
