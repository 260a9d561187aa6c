package dev.switchboard.testing;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What a test asks the broker about a consumer group: committed and end offsets, by partition. */
public final class GroupOffsets {
  private GroupOffsets() {}

  /** Committed offset per partition of {@code group} (partitions never committed are absent). */
  public static Map<Integer, Long> committed(String bootstrap, String group) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      return offsets.entrySet().stream()
          .filter(e -> e.getValue() != null)
          .collect(
              Collectors.toMap(
                  e -> e.getKey().partition(),
                  e -> e.getValue().offset(),
                  (a, b) -> a,
                  TreeMap::new));
    }
  }

  /** End offset (next offset to be written) per partition of {@code topic}. */
  public static Map<Integer, Long> end(String bootstrap, String topic) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      int partitions =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .size();
      Map<TopicPartition, OffsetSpec> ask = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        ask.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(ask).all().get(30, TimeUnit.SECONDS).entrySet().stream()
          .collect(
              Collectors.toMap(
                  e -> e.getKey().partition(),
                  e -> e.getValue().offset(),
                  (a, b) -> a,
                  TreeMap::new));
    }
  }

  /**
   * Waits until the group has committed every partition of {@code topic} up to its end: no
   * partition's commits stalled behind a command. Fails with both maps otherwise.
   */
  public static void awaitAllCommitted(
      String bootstrap, String group, String topic, java.time.Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    Map<Integer, Long> want = end(bootstrap, topic);
    Map<Integer, Long> got = Map.of();
    while (System.nanoTime() < end) {
      got = committed(bootstrap, group);
      Map<Integer, Long> seen = got;
      if (want.entrySet().stream()
          .allMatch(e -> e.getValue() == 0 || e.getValue().equals(seen.get(e.getKey())))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "group " + group + " committed " + got + " but " + topic + " ends at " + want);
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }
}
