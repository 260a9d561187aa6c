package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.kafka.testkit.KafkaTestKit;
import dev.switchboard.message.Topics;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqScenario;
import dev.switchboard.sandbox.accountsiq.AccountsIqSimulator;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The requirement: a 100,000-customer {@code customers.list} streamed completely by a
 * platform whose JVM heap is capped at 128 MiB. The simulator and the broker run here; the platform
 * runs in a child JVM started with {@code -Xmx128m} ({@link HeapCappedMain}).
 */
class AccountsIqHeapCappedIT {
  static final int CUSTOMERS = 100_000;
  static final long MIB = 1024 * 1024;

  @Test
  void aHundredThousandCustomersStreamThroughA128MiBHeap() throws Exception {
    Vertx vertx = Vertx.vertx();
    AccountsIqSimulator sim =
        RuntimeHarness.await(
            AccountsIqSimulator.start(
                vertx, "127.0.0.1", 0, Clock.systemUTC(), AccountsIqConfig.demo()));
    sim.setScenario(
        AccountsIqConfig.DEMO_COMPANY_ID, AccountsIqScenario.none().withCustomerCount(CUSTOMERS));
    String bootstrap = KafkaTestKit.bootstrapServers();
    String prefix = "heap" + UUID.randomUUID().toString().substring(0, 8);
    Topics topics = new Topics(prefix, "accountsiq");
    Path out = Files.createTempFile("aiq-heap-capped-child", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                HeapCappedMain.class.getName(),
                bootstrap,
                prefix,
                sim.endpoint11(),
                AccountsIqConfig.DEMO_COMPANY_ID,
                AccountsIqConfig.DEMO_PARTNER_KEY,
                AccountsIqConfig.DEMO_USER_KEY)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    try {
      waitFor(out, child, "READY", Duration.ofSeconds(120));
      String log = Files.readString(out, StandardCharsets.UTF_8);
      long maxMem =
          log.lines()
              .filter(l -> l.startsWith("MAXMEM="))
              .findFirst()
              .map(l -> Long.parseLong(l.substring("MAXMEM=".length()).trim()))
              .orElseThrow();
      assertThat(maxMem).as("child max heap").isPositive().isLessThanOrEqualTo(128 * MIB + MIB);

      ObjectNode cmd = RuntimeHarness.command("customers.list", "legacy", null);
      String id = cmd.path("id").asText();
      send(bootstrap, topics.commands(), cmd);
      try (TopicReader r = RuntimeHarness.reader(bootstrap, topics.results())) {
        r.untilTerminal(List.of(id), Duration.ofMinutes(8)).settle(Duration.ofSeconds(1));
        List<JsonNode> events = r.events(id);
        BitSet seen = new BitSet(CUSTOMERS);
        long records = 0;
        for (JsonNode e : events) {
          if (e.path("type").asText().equals("record")) {
            records++;
            long seq = e.path("seq").asLong(-1);
            assertThat(seq).isBetween(0L, (long) CUSTOMERS - 1);
            assertThat(seen.get((int) seq)).as("seq %s twice", seq).isFalse();
            seen.set((int) seq);
          }
        }
        List<JsonNode> terminals = r.terminals(id);
        assertThat(terminals).hasSize(1);
        JsonNode done = terminals.get(0);
        assertThat(done.path("type").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("records").asLong()).isEqualTo(CUSTOMERS);
        assertThat(records).isEqualTo(CUSTOMERS);
        assertThat(seen.cardinality()).isEqualTo(CUSTOMERS);
      }
      assertThat(sim.stats().recordsStreamed()).isGreaterThanOrEqualTo(CUSTOMERS);

      try (OutputStream stdin = child.getOutputStream()) {
        stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("child stopped").isTrue();
      String all = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(child.exitValue()).as(tail(all)).isZero();
      assertThat(all).doesNotContain("OutOfMemoryError").contains("STOPPED");
    } finally {
      if (child.isAlive()) {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      RuntimeHarness.await(sim.close());
      RuntimeHarness.await(vertx.close());
      Files.deleteIfExists(out);
    }
  }

  private static void send(String bootstrap, String topic, ObjectNode cmd) throws Exception {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, "legacy".getBytes(StandardCharsets.UTF_8), Json.bytes(cmd)))
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static void waitFor(Path out, Process child, String marker, Duration timeout)
      throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      String log = Files.readString(out, StandardCharsets.UTF_8);
      if (log.lines().anyMatch(marker::equals)) {
        return;
      }
      if (!child.isAlive()) {
        throw new AssertionError(
            "child exited " + child.exitValue() + " before " + marker + ":\n" + tail(log));
      }
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "no " + marker + " from the child after " + timeout + ":\n" + tail(log));
      }
      Thread.sleep(200);
    }
  }

  private static String tail(String log) {
    return log.length() <= 4_000 ? log : log.substring(log.length() - 4_000);
  }
}
