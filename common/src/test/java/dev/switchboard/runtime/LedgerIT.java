package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import dev.switchboard.testing.scenario.WriteLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The command ledger: a command that finished is answered from the ledger, not run again (a write
 * never; a read when asked); a write that started and never finished is in doubt, never sent twice;
 * the ledger survives a restart of the instance.
 */
class LedgerIT {

  private static RuntimeHarness platform(RuntimeSettings settings, Path writeLog) throws Exception {
    return RuntimeHarness.start(
        settings,
        ScenarioConnector.ID,
        Map.of("c1", Json.object().put("writeLog", writeLog.toString())));
  }

  private static List<ConsumerRecord<byte[], byte[]>> terminalRecords(TopicReader r, String id) {
    return r.all().stream()
        .filter(
            rec ->
                rec.key() != null
                    && new String(rec.key(), StandardCharsets.UTF_8).equals(id)
                    && !header(rec, ContractHeaders.EVENT_TYPE).equals("record"))
        .toList();
  }

  /**
   * Waits until the ledger holds {@code id}'s outcome. Until then the command counts as running,
   * and the same id sent again is attached to it rather than answered from the ledger.
   */
  private static void awaitRecorded(RuntimeSettings settings, String id) {
    try (TopicReader ledger =
        RuntimeHarness.reader(settings.bootstrap(), settings.topicPrefix() + ".scenario.ledger")) {
      ledger.until(
          r ->
              r.all().stream()
                  .anyMatch(
                      rec ->
                          id.equals(new String(rec.key(), StandardCharsets.UTF_8))
                              && header(rec, Ledger.STATE).equals("finished")),
          Duration.ofSeconds(30));
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> rec, String name) {
    var h = rec.headers().lastHeader(name);
    return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void aWritePublishedAgainAfterItFinishedIsAnsweredFromTheLedgerNotRunAgain() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    RuntimeSettings settings = RuntimeHarness.freshSettings();
    ObjectNode write = RuntimeHarness.command("write", "c1", Json.object().put("key", "k1"));
    String id = write.path("id").asText();
    RuntimeHarness first = platform(settings, writeLog);
    try (TopicReader results = first.results()) {
      try {
        first.send(write);
        results.untilTerminal(List.of(id), Duration.ofSeconds(60));
        awaitRecorded(settings, id);
        first.send(write);
        results.until(r -> terminalRecords(r, id).size() == 2, Duration.ofSeconds(60));
      } finally {
        first.close();
      }
      // A new instance (a restart) restores the ledger and answers from it too.
      try (RuntimeHarness second = platform(settings, writeLog)) {
        second.send(write);
        results
            .until(r -> terminalRecords(r, id).size() == 3, Duration.ofSeconds(60))
            .settle(Duration.ofSeconds(1));
      }
      List<ConsumerRecord<byte[], byte[]>> answers = terminalRecords(results, id);
      assertThat(answers).hasSize(3);
      assertThat(header(answers.get(0), ContractHeaders.REPLAY)).isEmpty();
      for (ConsumerRecord<byte[], byte[]> replayed : answers.subList(1, 3)) {
        assertThat(header(replayed, ContractHeaders.REPLAY)).isEqualTo("true");
        assertThat(header(replayed, ContractHeaders.EVENT_TYPE)).isEqualTo("completed");
        assertThat(Arrays.equals(replayed.value(), answers.get(0).value())).isTrue();
      }
      assertThat(WriteLog.counts(writeLog)).containsExactly(Map.entry("k1", 1L));
    }
  }

  @Test
  void aReadRunsAgainUnlessItAsksForItsRecordedOutcome() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    try (RuntimeHarness platform = platform(RuntimeHarness.freshSettings(), writeLog);
        TopicReader results = platform.results()) {
      ObjectNode read = RuntimeHarness.command("records", "c1", Json.object().put("count", 3));
      String id = platform.send(read);
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      awaitRecorded(platform.settings(), id);
      platform.send(read);
      results.until(r -> terminalRecords(r, id).size() == 2, Duration.ofSeconds(60));
      awaitRecorded(platform.settings(), id);
      assertThat(results.events(id).stream().filter(e -> e.path("type").asText().equals("record")))
          .hasSize(6); // ran twice
      platform.send(read.deepCopy().put("reuseOutcome", true));
      results
          .until(r -> terminalRecords(r, id).size() == 3, Duration.ofSeconds(60))
          .settle(Duration.ofSeconds(1));
      assertThat(results.events(id).stream().filter(e -> e.path("type").asText().equals("record")))
          .hasSize(6); // not run a third time
      List<ConsumerRecord<byte[], byte[]>> answers = terminalRecords(results, id);
      assertThat(header(answers.get(2), ContractHeaders.REPLAY)).isEqualTo("true");
      assertThat(answers.get(2).value()).isEqualTo(answers.get(1).value());
    }
  }

  @Test
  void aWriteThatStartedAndNeverFinishedIsInDoubtAndNotSentAgain() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    RuntimeSettings settings = RuntimeHarness.freshSettings().withPartitions(1);
    ObjectNode write = RuntimeHarness.command("write", "c1", Json.object().put("key", "k2"));
    String id = write.path("id").asText();
    try (RuntimeHarness platform = platform(settings, writeLog);
        TopicReader results = platform.results()) {
      // What an instance killed mid-call leaves behind: a started record, no outcome.
      Properties p = new Properties();
      p.put("bootstrap.servers", settings.bootstrap());
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    platform.topics().ledger(),
                    0,
                    id.getBytes(StandardCharsets.UTF_8),
                    Json.bytes(
                        Json.object().put("commandId", id).put("at", "2026-12-06T10:00:00Z")),
                    List.of(
                        new RecordHeader(
                            Ledger.STATE, "started".getBytes(StandardCharsets.UTF_8)))))
            .get(30, TimeUnit.SECONDS);
      }
    } // a restart, so the ledger is read again
    try (RuntimeHarness platform = platform(settings, writeLog);
        TopicReader results = platform.results()) {
      platform.send(write);
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      awaitRecorded(settings, id);
      JsonNode answer = results.terminals(id).get(0);
      assertThat(answer.path("type").asText()).isEqualTo("failed");
      assertThat(answer.path("error").path("code").asText()).isEqualTo("WRITE_IN_DOUBT");
      assertThat(answer.path("error").path("category").asText()).isEqualTo("CONFLICT");
      assertThat(answer.path("error").path("retryable").asBoolean()).isFalse();
      assertThat(answer.path("error").path("provider").path("startedAt").asText())
          .isEqualTo("2026-12-06T10:00:00Z");
      assertThat(answer.path("error").path("provider").path("params").path("key").asText())
          .isEqualTo("k2");
      // The answer is recorded too: asked again, the same answer, still not sent.
      platform.send(write);
      results.until(r -> terminalRecords(r, id).size() == 2, Duration.ofSeconds(60));
      assertThat(terminalRecords(results, id).get(1).value())
          .isEqualTo(terminalRecords(results, id).get(0).value());
      assertThat(WriteLog.counts(writeLog)).isEmpty();
    }
  }

  @Test
  void theLedgerTopicIsCompactedAndForgetsIdsAfterTheRetention() throws Exception {
    RuntimeSettings settings = RuntimeHarness.freshSettings().withLedger(true, Duration.ofDays(3));
    try (RuntimeHarness platform = platform(settings, Files.createTempFile("writes", ".log"))) {
      Properties p = new Properties();
      p.put("bootstrap.servers", settings.bootstrap());
      try (org.apache.kafka.clients.admin.Admin admin =
          org.apache.kafka.clients.admin.Admin.create(p)) {
        var resource =
            new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
                platform.topics().ledger());
        var config =
            admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact,delete");
        assertThat(config.get("retention.ms").value())
            .isEqualTo(String.valueOf(Duration.ofDays(3).toMillis()));
      }
    }
  }

  @Test
  void aLedgerNotCoPartitionedWithTheCommandsStopsTheStartAndSaysWhy() throws Exception {
    RuntimeSettings settings = RuntimeHarness.freshSettings();
    Properties p = new Properties();
    p.put("bootstrap.servers", settings.bootstrap());
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(p)) {
      admin
          .createTopics(
              List.of(
                  new org.apache.kafka.clients.admin.NewTopic(
                      settings.topicPrefix() + ".scenario.ledger", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> platform(settings, Files.createTempFile("writes", ".log")))
        .hasStackTraceContaining("must be co-partitioned with the commands topic");
  }

  @Test
  void aLargeOutcomeIsReferencedInTheLedgerAndStillReplayed() throws Exception {
    Path writeLog = Files.createTempFile("writes", ".log");
    try (RuntimeHarness platform = platform(RuntimeHarness.freshSettings(), writeLog);
        TopicReader results = platform.results()) {
      ObjectNode echo =
          RuntimeHarness.command(
              "echo",
              "c1",
              Json.object().put("value", "v".repeat(256)).put("repeat", Ledger.INLINE_MAX / 256));
      String id = platform.send(echo);
      results.untilTerminal(List.of(id), Duration.ofSeconds(60));
      awaitRecorded(platform.settings(), id);
      platform.send(echo.deepCopy().put("reuseOutcome", true));
      results.until(r -> terminalRecords(r, id).size() == 2, Duration.ofSeconds(60));
      List<ConsumerRecord<byte[], byte[]>> answers = terminalRecords(results, id);
      assertThat(answers.get(1).value()).isEqualTo(answers.get(0).value());
      assertThat(header(answers.get(1), ContractHeaders.REPLAY)).isEqualTo("true");
    }
  }
}
