package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.kafka.testkit.KafkaTestKit;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * What the ledger costs per million commands: restore time and memory of one partition's index.
 * Runs only with the full fault suite ({@code -Pfaults}, see the parent pom's {@code
 * faults.only.its}); the figures go in docs/reliability.md.
 */
class LedgerScaleIT {
  private static final int COMMANDS = 1_000_000;

  @Test
  void aMillionCommandsAreRestoredIntoTheIndex() throws Exception {
    String bootstrap = KafkaTestKit.bootstrapServers();
    String topic = "ls" + UUID.randomUUID().toString().substring(0, 8) + ".scenario.ledger";
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(p)) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    byte[] event = new byte[200]; // about a completed event of a single-result command
    Arrays.fill(event, (byte) 'x');
    var finished =
        List.of(
            new RecordHeader(Ledger.STATE, bytes("finished")),
            new RecordHeader(Ledger.TYPE, bytes("completed")));
    p.put("linger.ms", "20");
    p.put("batch.size", "262144");
    p.put("compression.type", "lz4");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < COMMANDS; i++) {
        producer.send(
            new ProducerRecord<>(topic, 0, bytes("command-" + i), event, List.copyOf(finished)));
      }
      producer.flush();
    }
    Runtime rt = Runtime.getRuntime();
    rt.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    long start = System.nanoTime();
    LedgerIndex index;
    try (LedgerReader reader = new LedgerReader(topic, props(bootstrap))) {
      index = reader.restore(0);
    }
    long restoreMs = (System.nanoTime() - start) / 1_000_000;
    rt.gc();
    long heapAfter = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        "LEDGER-SCALE commands=%d restoreMs=%d indexMiB=%d heapDeltaMiB=%d%n",
        COMMANDS, restoreMs, index.bytes() >> 20, (heapAfter - heapBefore) >> 20);
    assertThat(index.size()).isEqualTo(COMMANDS);
    assertThat(index.get("command-0")).isEqualTo(new LedgerIndex.Entry(0, true));
    assertThat(index.get("command-999999").finished()).isTrue();
  }

  private static Properties props(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    return p;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
