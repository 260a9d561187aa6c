package dev.switchboard.bench;

import dev.switchboard.kafka.embedded.ChildJvmKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

/**
 * The broker of a benchmark run: a single KRaft node in its own JVM with a fixed heap, shared by
 * every system under test, plus the admin chores (topics, the W3 producer quota).
 */
final class BenchBroker implements AutoCloseable {
  static final String HEAP = "1g";
  static final int PARTITIONS = 6;
  private static final ClientQuotaEntity EVERY_CLIENT =
      new ClientQuotaEntity(java.util.Collections.singletonMap(ClientQuotaEntity.CLIENT_ID, null));

  private final ChildJvmKafkaBroker broker;
  private final Admin admin;

  private BenchBroker(ChildJvmKafkaBroker broker) {
    this.broker = broker;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    this.admin = Admin.create(p);
  }

  static BenchBroker start(Path dir) {
    // Old segments of the results topics are deleted soon: W2 writes about 1 GB per run.
    return new BenchBroker(
        ChildJvmKafkaBroker.start(
            dir,
            0,
            HEAP,
            Map.of(
                "log.retention.check.interval.ms",
                "10000",
                "num.network.threads",
                "3",
                "num.io.threads",
                "4")));
  }

  String bootstrap() {
    return broker.bootstrapServers();
  }

  /**
   * Creates {@code <prefix>.<provider>.commands|results} for both providers, commands with {@link
   * #PARTITIONS} partitions, results likewise but with a short retention.
   */
  void createTopics(String prefix) throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    for (String provider : List.of("iqreseller", "accountsiq", "accengage")) {
      topics.add(new NewTopic(prefix + "." + provider + ".commands", PARTITIONS, (short) 1));
      topics.add(
          new NewTopic(prefix + "." + provider + ".results", PARTITIONS, (short) 1)
              .configs(
                  Map.of(
                      TopicConfig.RETENTION_MS_CONFIG,
                      "60000",
                      TopicConfig.SEGMENT_BYTES_CONFIG,
                      String.valueOf(64 << 20))));
    }
    Set<String> existing = admin.listTopics().names().get();
    topics.removeIf(t -> existing.contains(t.name()));
    admin.createTopics(topics).all().get();
  }

  /** Creates a one-partition topic for ProducerPerformance, with the same short retention. */
  void createPerfTopic(String name) throws Exception {
    if (admin.listTopics().names().get().contains(name)) return;
    admin
        .createTopics(
            List.of(
                new NewTopic(name, 1, (short) 1)
                    .configs(
                        Map.of(
                            TopicConfig.RETENTION_MS_CONFIG,
                            "60000",
                            TopicConfig.SEGMENT_BYTES_CONFIG,
                            String.valueOf(64 << 20)))))
        .all()
        .get();
  }

  /** Throttles every producer to {@code bytesPerSecond} (broker-side quota), or lifts it (null). */
  void producerQuota(Long bytesPerSecond) throws Exception {
    var op =
        new ClientQuotaAlteration.Op(
            "producer_byte_rate", bytesPerSecond == null ? null : bytesPerSecond.doubleValue());
    admin
        .alterClientQuotas(List.of(new ClientQuotaAlteration(EVERY_CLIENT, List.of(op))))
        .all()
        .get();
  }

  @Override
  public void close() {
    admin.close();
    broker.close();
  }
}
