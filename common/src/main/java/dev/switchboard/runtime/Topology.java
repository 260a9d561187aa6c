package dev.switchboard.runtime;

import dev.switchboard.message.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Kafka client properties and the topics of a provider, created at start when missing. */
final class Topology {
  private Topology() {}

  static Properties clientProps(RuntimeSettings settings, String clientId) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "switchboard-" + clientId);
    p.putAll(settings.kafka());
    return p;
  }

  /**
   * Creates commands, results, DLQ and the compacted ledger if missing; blocking calls run off the
   * loop.
   */
  static Future<Void> ensure(Vertx vertx, RuntimeSettings s, Topics t) {
    return vertx.executeBlocking(
        () -> {
          try (Admin admin = Admin.create(clientProps(s, t.provider() + "-admin"))) {
            List<NewTopic> topics =
                List.of(
                    new NewTopic(t.commands(), s.partitions(), s.replicationFactor()),
                    new NewTopic(t.results(), s.partitions(), s.replicationFactor()),
                    new NewTopic(t.dlq(), s.partitions(), s.replicationFactor()),
                    // Compacted (one record per id) and deleted after the retention: an id older
                    // than
                    // that is forgotten, and runs again if it comes back.
                    new NewTopic(t.ledger(), s.partitions(), s.replicationFactor())
                        .configs(
                            Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT
                                    + ","
                                    + TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG,
                                String.valueOf(s.ledgerRetention().toMillis()))));
            if (!s.createTopics()) {
              mustExist(admin, topics);
              if (s.ledger()) {
                coPartitioned(admin, t, Map.of());
              }
              return null;
            }
            CreateTopicsResult created = admin.createTopics(topics);
            Map<String, Integer> partitions = new java.util.HashMap<>();
            for (var e : created.values().entrySet()) {
              try {
                e.getValue().get();
                partitions.put(e.getKey(), created.numPartitions(e.getKey()).get());
              } catch (java.util.concurrent.ExecutionException ex) {
                if (!(ex.getCause() instanceof TopicExistsException)) {
                  throw new IllegalStateException(
                      "cannot create topic " + e.getKey() + ": " + ex.getCause().getMessage(),
                      ex.getCause());
                }
              }
            }
            if (s.ledger()) {
              coPartitioned(admin, t, partitions);
            }
          }
          return null;
        });
  }

  /** Topics managed elsewhere: each must exist, or the start fails naming those missing. */
  private static void mustExist(Admin admin, List<NewTopic> wanted) throws Exception {
    java.util.Set<String> names =
        admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
    List<String> missing =
        wanted.stream().map(NewTopic::name).filter(n -> !names.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "topics "
              + missing
              + " do not exist and kafka.createTopics is false: create them where the topics are"
              + " managed (e.g. Strimzi KafkaTopic resources), with the partitions of the commands"
              + " topic for the ledger");
    }
  }

  /**
   * The ledger must have as many partitions as the commands topic: a command's ledger records go to
   * the partition of the same number, which moves with it. A topic created just now is counted from
   * its creation (a describe could reach a broker that does not know it yet).
   */
  private static void coPartitioned(Admin admin, Topics t, Map<String, Integer> created)
      throws Exception {
    List<String> existing =
        java.util.stream.Stream.of(t.commands(), t.ledger())
            .filter(n -> !created.containsKey(n))
            .toList();
    Map<String, Integer> counts = new java.util.HashMap<>(created);
    if (!existing.isEmpty()) {
      admin
          .describeTopics(existing)
          .allTopicNames()
          .get(30, java.util.concurrent.TimeUnit.SECONDS)
          .forEach((name, d) -> counts.put(name, d.partitions().size()));
    }
    int commands = counts.get(t.commands());
    int ledger = counts.get(t.ledger());
    if (commands != ledger) {
      throw new IllegalStateException(
          t.ledger()
              + " has "
              + ledger
              + " partitions but "
              + t.commands()
              + " has "
              + commands
              + ": the ledger must be co-partitioned with the "
              + "commands topic (give it "
              + commands
              + " partitions)");
    }
  }
}
