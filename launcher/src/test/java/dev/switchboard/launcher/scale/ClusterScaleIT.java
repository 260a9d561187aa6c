package dev.switchboard.launcher.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.json.Json;
import dev.switchboard.kafka.embedded.ChildJvmKafkaCluster;
import dev.switchboard.message.Topics;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on a real 3-node KRaft cluster (child JVMs, replication 3, min ISR 2): instances of
 * {@code switchboard run} in child JVMs with distinct identities on 6 partitions, a steady mixed
 * load over all three providers (the sandbox), and meanwhile one instance killed with SIGKILL, one
 * added, one stopped gracefully, and one broker node killed and restarted. Every command is
 * answered, no completed stream has a gap, the surviving instances own every partition; the longest
 * pauses without answers are reported. Runs with the full fault suite ({@code -Pfaults}, matched by
 * {@code *ScaleIT}); the figures are in docs/deployment.md.
 */
class ClusterScaleIT {
  private static final int COMMANDS = 1_200;

  /** 10 s here; -Dswitchboard.scale.sessionTimeoutMs=45000 measures Kafka's default. */
  private static final long SESSION_TIMEOUT_MS =
      Long.getLong("switchboard.scale.sessionTimeoutMs", 10_000);

  private static final Map<String, List<String>> OPS =
      Map.of(
          "iqreseller", List.of("inventory.count", "conditions.list"),
          "accengage", List.of("me.get", "segments.list"),
          "accountsiq", List.of("chartOfAccounts.list"));

  @Test
  void instancesAndABrokerComeAndGoUnderLoadAndEveryCommandIsAnswered(@TempDir Path dir)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox =
        Sandbox.start(vertx, SandboxConfig.demo()).toCompletionStage().toCompletableFuture().get();
    String prefix = "cs" + UUID.randomUUID().toString().substring(0, 6);
    try (ChildJvmKafkaCluster cluster = ChildJvmKafkaCluster.start(dir.resolve("kafka"), 3)) {
      String bootstrap = cluster.bootstrapServers();
      Path config = config(dir, bootstrap, prefix, sandbox.demoConnections());
      List<LauncherProcess> all = new ArrayList<>();
      try {
        for (String id : List.of("i1", "i2", "i3")) {
          all.add(LauncherProcess.start(id, config, dir));
        }
        for (LauncherProcess p : all) {
          p.awaitReady(Duration.ofSeconds(120));
        }
        Map<String, TopicReader> results = new TreeMap<>();
        for (String provider : OPS.keySet()) {
          results.put(
              provider, RuntimeHarness.reader(bootstrap, new Topics(prefix, provider).results()));
        }
        Load load = new Load(bootstrap, prefix);
        Thread sender = new Thread(load::run, "load");
        sender.start();
        long t0 = System.nanoTime();
        at(t0, 8);
        all.get(0).kill(); // i1 never returns
        at(t0, 14);
        LauncherProcess i4 = LauncherProcess.start("i4", config, dir);
        all.add(i4);
        at(t0, 22);
        int graceful = all.get(1).terminate(); // i2 leaves the group
        at(t0, 28);
        cluster.kill(1);
        at(t0, 36);
        cluster.restart(1);
        Duration joined = i4.awaitReady(Duration.ofSeconds(90));
        sender.join();

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < end && !load.allAnswered(results)) {
          results.values().forEach(r -> r.settle(Duration.ofMillis(300)));
        }
        Verdict v = load.verdict(results);
        String report =
            v + " sessionTimeoutMs=" + SESSION_TIMEOUT_MS + " joinedMs=" + joined.toMillis();
        System.out.println("CLUSTER-SCALE " + report + " gracefulExit=" + graceful);
        Files.writeString(
            Path.of("target", "cluster-scale.txt"),
            report + "\n",
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
        assertThat(v.unanswered()).as("unanswered").isZero();
        assertThat(v.gaps()).as("completed streams with a gap").isEmpty();
        assertThat(v.failures()).as("failure codes").isEmpty();
        assertThat(graceful)
            .as("SIGTERM exit: 0, or 143 when the JVM reports the signal")
            .isIn(0, 143);
        assertOwnership(bootstrap, prefix, Set.of("i3", "i4"));
        results.values().forEach(TopicReader::close);
      } finally {
        for (LauncherProcess p : all) {
          p.close();
        }
      }
    } finally {
      sandbox.close().toCompletionStage().toCompletableFuture().get();
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  private static void at(long t0, int second) throws InterruptedException {
    long wait = t0 + TimeUnit.SECONDS.toNanos(second) - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Every command partition of every provider is owned, only by the surviving instances. */
  private static void assertOwnership(String bootstrap, String prefix, Set<String> survivors)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      for (String provider : OPS.keySet()) {
        String group = prefix + "." + provider;
        var d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        Set<Integer> owned = new TreeSet<>();
        Set<String> members = new TreeSet<>();
        d.members()
            .forEach(
                m -> {
                  members.add(m.groupInstanceId().orElse("?"));
                  m.assignment().topicPartitions().forEach(tp -> owned.add(tp.partition()));
                });
        assertThat(members).as(group + " members").isEqualTo(survivors);
        assertThat(owned).as(group + " partitions").containsExactly(0, 1, 2, 3, 4, 5);
      }
    }
  }

  /** The YAML of every instance: the cluster, six connections per provider on the sandbox. */
  private static Path config(
      Path dir, String bootstrap, String prefix, Map<String, Map<String, ObjectNode>> demo)
      throws Exception {
    ObjectNode root = Json.object();
    ObjectNode kafka = root.putObject("kafka");
    kafka.put("bootstrap", bootstrap).put("topicPrefix", prefix).put("partitions", 6);
    kafka.put("replicationFactor", 3);
    // An instance that never returns holds its partitions for the session timeout.
    kafka.putObject("properties").put("session.timeout.ms", String.valueOf(SESSION_TIMEOUT_MS));
    root.putObject("runtime").put("shutdownGrace", "10s");
    ObjectNode connectors = root.putObject("connectors");
    for (String provider : OPS.keySet()) {
      JsonNode first = demo.get(provider).values().iterator().next();
      ObjectNode conns = connectors.putObject(provider).putObject("connections");
      for (int i = 0; i < 6; i++) {
        conns.set("c" + i, first.deepCopy());
      }
    }
    Path file = dir.resolve("switchboard.yaml");
    Files.writeString(file, new ObjectMapper(new YAMLFactory()).writeValueAsString(root));
    return file;
  }

  record Verdict(
      int commands,
      int unanswered,
      List<String> gaps,
      Map<String, Integer> failures,
      long longestPauseMs,
      Map<String, Long> longestPauseByPartitionMs) {}

  /** The load: COMMANDS commands at a steady rate, each remembered with its partition. */
  static final class Load {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String prefix;
    private final Map<String, String[]> sent = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();

    Load(String bootstrap, String prefix) {
      this.prefix = prefix;
      this.producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true),
              new ByteArraySerializer(),
              new ByteArraySerializer());
    }

    void run() {
      List<String> providers = new ArrayList<>(new TreeSet<>(OPS.keySet()));
      long start = System.nanoTime();
      for (int i = 0; i < COMMANDS; i++) {
        String provider = providers.get(i % providers.size());
        List<String> ops = OPS.get(provider);
        String op = ops.get((i / providers.size()) % ops.size());
        String connection = "c" + (i / 7) % 6;
        String id = "cmd-" + i;
        ObjectNode cmd =
            Json.object().put("id", id).put("operation", op).put("connection", connection);
        try {
          var meta =
              producer
                  .send(
                      new ProducerRecord<>(
                          new Topics(prefix, provider).commands(),
                          connection.getBytes(StandardCharsets.UTF_8),
                          Json.bytes(cmd)))
                  .get(60, TimeUnit.SECONDS);
          sent.put(id, new String[] {provider, String.valueOf(meta.partition())});
          sentAt.put(id, meta.timestamp());
          // 30 commands a second: the faults happen in the middle of the load
          long due = start + TimeUnit.MILLISECONDS.toNanos(i * 1000L / 30);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        } catch (Exception e) {
          throw new IllegalStateException("send " + id, e);
        }
      }
      producer.close();
    }

    boolean allAnswered(Map<String, TopicReader> results) {
      return sent.size() == COMMANDS
          && sent.entrySet().stream()
              .allMatch(e -> results.get(e.getValue()[0]).hasTerminal(e.getKey()));
    }

    Verdict verdict(Map<String, TopicReader> results) {
      int unanswered = 0;
      List<String> gaps = new ArrayList<>();
      Map<String, Integer> failures = new TreeMap<>();
      Pauses overall = new Pauses();
      Map<String, Pauses> byPartition = new HashMap<>();
      Map<String, Long> answeredAt = firstAnswers(results);
      for (var e : sent.entrySet()) {
        String id = e.getKey();
        String where = e.getValue()[0] + "/" + e.getValue()[1];
        Pauses p = byPartition.computeIfAbsent(where, k -> new Pauses());
        overall.sent(sentAt.get(id));
        p.sent(sentAt.get(id));
        TopicReader r = results.get(e.getValue()[0]);
        if (!r.hasTerminal(id)) {
          unanswered++;
          continue;
        }
        overall.answered(answeredAt.get(id));
        p.answered(answeredAt.get(id));
        JsonNode terminal = r.terminals(id).get(0);
        if (terminal.path("type").asText().equals("failed")) {
          failures.merge(terminal.path("error").path("code").asText(), 1, Integer::sum);
        } else if (!whole(r.events(id), terminal.path("records").asLong())) {
          gaps.add(id);
        }
      }
      Map<String, Long> pauses = new TreeMap<>();
      byPartition.forEach((k, v) -> pauses.put(k, v.longestMs()));
      return new Verdict(sent.size(), unanswered, gaps, failures, overall.longestMs(), pauses);
    }

    /** Every seq from 0 to records-1 was published (a re-run may repeat some, never skip). */
    private static boolean whole(List<JsonNode> events, long records) {
      Set<Long> seqs = new TreeSet<>();
      events.stream()
          .filter(ev -> ev.path("type").asText().equals("record"))
          .forEach(ev -> seqs.add(ev.path("seq").asLong()));
      for (long s = 0; s < records; s++) {
        if (!seqs.contains(s)) {
          return false;
        }
      }
      return true;
    }

    private static Map<String, Long> firstAnswers(Map<String, TopicReader> results) {
      Map<String, Long> at = new HashMap<>();
      for (TopicReader r : results.values()) {
        for (ConsumerRecord<byte[], byte[]> rec : r.all()) {
          String type = header(rec);
          if (rec.key() != null && (type.equals("completed") || type.equals("failed"))) {
            at.putIfAbsent(new String(rec.key(), StandardCharsets.UTF_8), rec.timestamp());
          }
        }
      }
      return at;
    }

    private static String header(ConsumerRecord<byte[], byte[]> rec) {
      var h = rec.headers().lastHeader("switchboard_type");
      return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
  }
}
