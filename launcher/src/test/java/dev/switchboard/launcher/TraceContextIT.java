package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.accengage.AccengageSimulator;
import dev.switchboard.sandbox.accountsiq.AccountsIqSimulator;
import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import dev.switchboard.sandbox.kit.HttpSimulator;
import dev.switchboard.sandbox.kit.TraceLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's W3C trace context goes on to every provider request made for it and onto every result
 * event it gets, for all three providers; without one, or with an invalid one, nothing is sent. The
 * demo platform has no OpenTelemetry SDK, so the caller's {@code traceparent} passes on unchanged.
 */
class TraceContextIT {
  private static final String TRACESTATE = "vendor=opaque,other=1";

  @Test
  void aCommandsTraceContextReachesItsProviderCallsAndEveryResultEvent(@TempDir Path dir)
      throws Exception {
    try (Platform platform =
        Platform.start(new Platform.Options(SwitchboardConfig.empty().withHttpPort(0), dir, 0))) {
      List<Sent> sent =
          List.of(
              new Sent(
                  "iqreseller",
                  "salesOrders.list",
                  "acme",
                  Json.object().put("pageSize", 1000),
                  true),
              new Sent("accengage", "segments.list", "shop", Json.object(), true),
              new Sent("accountsiq", "suppliers.list", "ledger", Json.object(), true),
              new Sent("iqreseller", "inventory.count", "acme", Json.object(), false),
              new Sent("accengage", "segments.list", "shop", Json.object(), false));
      Map<String, String> invalid =
          Map.of("traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01");
      Sent bad = new Sent("accountsiq", "suppliers.list", "legacy", Json.object(), false);
      try (KafkaProducer<byte[], byte[]> producer = producer(platform.bootstrap())) {
        for (Sent s : sent) {
          producer.send(s.record(s.traced ? s.headers() : Map.of()));
        }
        producer.send(bad.record(invalid));
        producer.flush();
      }
      List<Sent> all = new ArrayList<>(sent);
      all.add(bad);
      Map<String, List<ConsumerRecord<byte[], byte[]>>> events = collect(platform.bootstrap(), all);

      for (Sent s : all) {
        List<ConsumerRecord<byte[], byte[]>> mine = events.get(s.id);
        JsonNode last = Json.parse(mine.get(mine.size() - 1).value());
        assertThat(last.path("type").asText()).as(s.operation).isEqualTo("completed");
        for (ConsumerRecord<byte[], byte[]> e : mine) {
          if (s.traced) {
            assertThat(header(e, "traceparent")).as(s.provider + " event").isEqualTo(s.traceparent);
            assertThat(header(e, "tracestate")).as(s.provider + " event").isEqualTo(TRACESTATE);
          } else {
            assertThat(header(e, "traceparent")).as(s.provider + " untraced event").isNull();
          }
        }
      }
      Map<String, Class<? extends HttpSimulator<?>>> simulators =
          Map.of(
              "iqreseller", IqResellerSimulator.class,
              "accengage", AccengageSimulator.class,
              "accountsiq", AccountsIqSimulator.class);
      List<TraceLog.Entry> seen = new ArrayList<>();
      for (var sim : simulators.entrySet()) {
        List<TraceLog.Entry> entries =
            platform.sandbox().simulator(sim.getValue()).traces().entries();
        seen.addAll(entries);
        Sent traced =
            sent.stream()
                .filter(s -> s.traced && s.provider.equals(sim.getKey()))
                .findFirst()
                .orElseThrow();
        List<TraceLog.Entry> calls =
            entries.stream().filter(e -> e.traceparent().equals(traced.traceparent)).toList();
        assertThat(calls)
            .as(sim.getKey() + " calls carrying the command's traceparent")
            .isNotEmpty();
        assertThat(calls).allSatisfy(e -> assertThat(e.tracestate()).isEqualTo(TRACESTATE));
        if (sim.getKey().equals("iqreseller")) {
          assertThat(calls).as("every page of 2,500 orders at 1,000 a page").hasSize(3);
        }
      }
      // Only the traced commands' traces reached a provider: none invented, the invalid one
      // dropped.
      assertThat(seen)
          .extracting(TraceLog.Entry::traceparent)
          .containsOnly(
              sent.stream().filter(s -> s.traced).map(s -> s.traceparent).toArray(String[]::new));
    }
  }

  private static final class Sent {
    final String provider;
    final String operation;
    final String connection;
    final ObjectNode params;
    final boolean traced;
    final String id = UUID.randomUUID().toString();
    final String traceparent =
        "00-"
            + UUID.randomUUID().toString().replace("-", "")
            + "-"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
            + "-01";

    Sent(String provider, String operation, String connection, ObjectNode params, boolean traced) {
      this.provider = provider;
      this.operation = operation;
      this.connection = connection;
      this.params = params;
      this.traced = traced;
    }

    Map<String, String> headers() {
      return Map.of("traceparent", traceparent, "tracestate", TRACESTATE);
    }

    ProducerRecord<byte[], byte[]> record(Map<String, String> headers) {
      ObjectNode cmd =
          Json.object().put("id", id).put("operation", operation).put("connection", connection);
      cmd.set("params", params);
      ProducerRecord<byte[], byte[]> r =
          new ProducerRecord<>(
              "switchboard." + provider + ".commands",
              id.getBytes(StandardCharsets.UTF_8),
              Json.bytes(cmd));
      headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      return r;
    }
  }

  /** Every event of each command, in order, up to its terminal event. */
  private static Map<String, List<ConsumerRecord<byte[], byte[]>>> collect(
      String bootstrap, List<Sent> sent) {
    Map<String, List<ConsumerRecord<byte[], byte[]>>> events = new HashMap<>();
    sent.forEach(s -> events.put(s.id, new ArrayList<>()));
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> topics =
        sent.stream().map(s -> "switchboard." + s.provider + ".results").distinct().toList();
    int terminal = 0;
    Instant until = Instant.now().plus(Duration.ofSeconds(120));
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(topics);
      while (terminal < sent.size() && Instant.now().isBefore(until)) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
          List<ConsumerRecord<byte[], byte[]>> mine = events.get(key);
          if (mine == null) {
            continue;
          }
          mine.add(r);
          String type = header(r, "switchboard_type");
          if (!"record".equals(type)) {
            terminal++;
          }
        }
      }
    }
    assertThat(terminal).as("terminal events").isEqualTo(sent.size());
    return events;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
