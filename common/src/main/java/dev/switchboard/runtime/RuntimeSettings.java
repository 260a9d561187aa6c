package dev.switchboard.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * Runtime knobs. Defaults suit one instance on a small machine; every bound is per instance.
 *
 * @param bootstrap Kafka bootstrap servers
 * @param topicPrefix prefix of every topic name
 * @param partitions partitions of topics created at start
 * @param replicationFactor replication of topics created at start
 * @param groupPrefix consumer group is {@code <groupPrefix>.<provider>}
 * @param maxInFlight commands executing at once per provider on this instance
 * @param maxInFlightPerConnection commands executing at once per connection
 * @param resultWindow records of one command sent to Kafka but not yet acknowledged; the stream
 *     is asked for more only as acknowledgements come back
 * @param maxCommandBytes larger command values fail with {@code COMMAND_TOO_LARGE}
 * @param queueHighWater records held for one partition before the partition is paused
 * @param shutdownGrace how long a stop waits for in-flight commands before abandoning them
 * @param kafka extra Kafka client properties (security, tuning), applied to every client
 */
public record RuntimeSettings(String bootstrap, String topicPrefix, int partitions,
    short replicationFactor, String groupPrefix, int maxInFlight, int maxInFlightPerConnection,
    int resultWindow, int maxCommandBytes, int queueHighWater, Duration shutdownGrace,
    Map<String, String> kafka) {

  public static RuntimeSettings defaults(String bootstrap) {
    return new RuntimeSettings(bootstrap, "switchboard", 6, (short) 1, "switchboard", 256, 32,
        256, 1 << 20, 512, Duration.ofSeconds(30), Map.of());
  }

  public RuntimeSettings withTopicPrefix(String prefix) {
    return new RuntimeSettings(bootstrap, prefix, partitions, replicationFactor, groupPrefix,
        maxInFlight, maxInFlightPerConnection, resultWindow, maxCommandBytes, queueHighWater,
        shutdownGrace, kafka);
  }

  public RuntimeSettings withBounds(int instance, int perConnection, int window) {
    return new RuntimeSettings(bootstrap, topicPrefix, partitions, replicationFactor, groupPrefix,
        instance, perConnection, window, maxCommandBytes, queueHighWater, shutdownGrace, kafka);
  }

  public RuntimeSettings withPartitions(int n) {
    return new RuntimeSettings(bootstrap, topicPrefix, n, replicationFactor, groupPrefix,
        maxInFlight, maxInFlightPerConnection, resultWindow, maxCommandBytes, queueHighWater,
        shutdownGrace, kafka);
  }

  public RuntimeSettings withMaxCommandBytes(int bytes) {
    return new RuntimeSettings(bootstrap, topicPrefix, partitions, replicationFactor, groupPrefix,
        maxInFlight, maxInFlightPerConnection, resultWindow, bytes, queueHighWater,
        shutdownGrace, kafka);
  }

  public RuntimeSettings withShutdownGrace(Duration grace) {
    return new RuntimeSettings(bootstrap, topicPrefix, partitions, replicationFactor, groupPrefix,
        maxInFlight, maxInFlightPerConnection, resultWindow, maxCommandBytes, queueHighWater,
        grace, kafka);
  }
}
