package dev.switchboard.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runtime knobs. Defaults suit one instance on a small machine; every bound is per instance.
 *
 * @param bootstrap Kafka bootstrap servers
 * @param topicPrefix prefix of every topic name
 * @param partitions partitions of topics created at start
 * @param replicationFactor replication of topics created at start
 * @param groupPrefix consumer group is {@code <groupPrefix>.<provider>}; null (the default) uses
 *     the topic prefix, so deployments with different prefixes never share a group
 * @param maxInFlight commands executing at once per provider on this instance
 * @param maxInFlightPerConnection commands executing at once per connection
 * @param resultWindow records of one command sent to Kafka but not yet acknowledged; the stream is
 *     asked for more only as acknowledgements come back
 * @param resultWindowBytes the same bound in bytes: result memory of the instance stays under about
 *     {@code maxInFlight * resultWindowBytes} however large the result sets
 * @param maxCommandBytes larger command values fail with {@code COMMAND_TOO_LARGE}
 * @param queueHighWater records held for one partition before the partition is paused
 * @param shutdownGrace how long a stop waits for in-flight commands before abandoning them
 * @param kafka extra Kafka client properties (security, tuning), applied to every client
 * @param instanceId this instance's stable identity, used as the command consumers' {@code
 *     group.instance.id} (Kafka static membership): an instance restarted with the same identity
 *     takes its partitions back at once instead of waiting out its old session. Null: dynamic
 *     membership (tests that start several instances in one JVM)
 * @param ledger whether commands go through the command ledger (effectively-once: a finished
 *     command is answered from the ledger instead of running again, a write never runs twice)
 * @param ledgerRetention how long the ledger keeps a command's records (the topic's {@code
 *     retention.ms} when Switchboard creates it); an older id counts as new
 * @param createTopics whether the runtime creates its topics at start (the default); false when
 *     they are managed elsewhere (Strimzi {@code KafkaTopic}, a platform team): a missing topic
 *     then fails the start, naming it, instead of being created
 */
public record RuntimeSettings(
    String bootstrap,
    String topicPrefix,
    int partitions,
    short replicationFactor,
    String groupPrefix,
    int maxInFlight,
    int maxInFlightPerConnection,
    int resultWindow,
    int resultWindowBytes,
    int maxCommandBytes,
    int queueHighWater,
    Duration shutdownGrace,
    Map<String, String> kafka,
    String instanceId,
    boolean ledger,
    Duration ledgerRetention,
    boolean createTopics) {

  public static RuntimeSettings defaults(String bootstrap) {
    return new RuntimeSettings(
        bootstrap,
        "switchboard",
        6,
        (short) 1,
        null,
        256,
        32,
        2048,
        1 << 20,
        1 << 20,
        512,
        Duration.ofSeconds(30),
        Map.of(),
        null,
        true,
        Duration.ofDays(7),
        true);
  }

  /** The consumer group of a provider's command consumer. */
  public String groupId(String provider) {
    return (groupPrefix != null ? groupPrefix : topicPrefix) + "." + provider;
  }

  public RuntimeSettings withReplicationFactor(short rf) {
    return with(b -> b.replicationFactor = rf);
  }

  public RuntimeSettings withTopicPrefix(String prefix) {
    return with(b -> b.topicPrefix = prefix);
  }

  public RuntimeSettings withPartitions(int n) {
    return with(b -> b.partitions = n);
  }

  /** Bounds: commands per instance, commands per connection, unacknowledged records per command. */
  public RuntimeSettings withBounds(int instance, int perConnection, int window) {
    return with(
        b -> {
          b.maxInFlight = instance;
          b.maxInFlightPerConnection = perConnection;
          b.resultWindow = window;
        });
  }

  public RuntimeSettings withResultWindowBytes(int bytes) {
    return with(b -> b.resultWindowBytes = bytes);
  }

  public RuntimeSettings withMaxCommandBytes(int bytes) {
    return with(b -> b.maxCommandBytes = bytes);
  }

  public RuntimeSettings withShutdownGrace(Duration grace) {
    return with(b -> b.shutdownGrace = grace);
  }

  public RuntimeSettings withKafka(Map<String, String> props) {
    return with(b -> b.kafka = Map.copyOf(props));
  }

  /** The command ledger on or off, and its retention. */
  public RuntimeSettings withLedger(boolean on, Duration retention) {
    return with(
        b -> {
          b.ledger = on;
          b.ledgerRetention = retention;
        });
  }

  /** Static membership under this identity (see {@code instanceId}); null for dynamic. */
  public RuntimeSettings withInstanceId(String id) {
    return with(b -> b.instanceId = id);
  }

  /** Whether topics are created at start, or must exist (managed elsewhere). */
  public RuntimeSettings withCreateTopics(boolean create) {
    return with(b -> b.createTopics = create);
  }

  private RuntimeSettings with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** Mutable copy used by the {@code with…} methods. */
  private static final class Builder {
    String bootstrap;
    String topicPrefix;
    int partitions;
    short replicationFactor;
    String groupPrefix;
    int maxInFlight;
    int maxInFlightPerConnection;
    int resultWindow;
    int resultWindowBytes;
    int maxCommandBytes;
    int queueHighWater;
    Duration shutdownGrace;
    Map<String, String> kafka;
    String instanceId;
    boolean ledger;
    Duration ledgerRetention;
    boolean createTopics;

    Builder(RuntimeSettings s) {
      bootstrap = s.bootstrap;
      topicPrefix = s.topicPrefix;
      partitions = s.partitions;
      replicationFactor = s.replicationFactor;
      groupPrefix = s.groupPrefix;
      maxInFlight = s.maxInFlight;
      maxInFlightPerConnection = s.maxInFlightPerConnection;
      resultWindow = s.resultWindow;
      resultWindowBytes = s.resultWindowBytes;
      maxCommandBytes = s.maxCommandBytes;
      queueHighWater = s.queueHighWater;
      shutdownGrace = s.shutdownGrace;
      kafka = s.kafka;
      instanceId = s.instanceId;
      ledger = s.ledger;
      ledgerRetention = s.ledgerRetention;
      createTopics = s.createTopics;
    }

    RuntimeSettings build() {
      return new RuntimeSettings(
          bootstrap,
          topicPrefix,
          partitions,
          replicationFactor,
          groupPrefix,
          maxInFlight,
          maxInFlightPerConnection,
          resultWindow,
          resultWindowBytes,
          maxCommandBytes,
          queueHighWater,
          shutdownGrace,
          kafka,
          instanceId,
          ledger,
          ledgerRetention,
          createTopics);
    }
  }
}
