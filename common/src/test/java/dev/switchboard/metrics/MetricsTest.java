package dev.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The names and shapes operators see on /metrics, whatever registry renders them. */
class MetricsTest {
  private final Metrics metrics = new Metrics();

  private List<String> lines() {
    return Arrays.asList(metrics.scrape().split("\n"));
  }

  @Test
  void counterWithHelpAndTypeLines() {
    metrics.increment("sb_commands_total", "Commands taken in.", "provider", "iq");
    metrics.increment("sb_commands_total", "Commands taken in.", "provider", "iq");

    assertThat(lines())
        .containsSubsequence(
            "# HELP sb_commands_total Commands taken in.",
            "# TYPE sb_commands_total counter",
            "sb_commands_total{provider=\"iq\"} 2.0");
    assertThat(metrics.count("sb_commands_total", "provider", "iq")).isEqualTo(2);
    assertThat(metrics.count("sb_commands_total", "provider", "other")).isZero();
  }

  @Test
  void familyHeaderAppearsOnceBeforeAllItsSeries() {
    metrics.increment("c_total", "h", "op", "a", "outcome", "ok");
    metrics.increment("c_total", "h", "op", "b", "outcome", "failed");

    assertThat(lines().stream().filter(l -> l.startsWith("# TYPE c_total"))).hasSize(1);
    assertThat(lines())
        .contains(
            "c_total{op=\"a\",outcome=\"ok\"} 1.0", "c_total{op=\"b\",outcome=\"failed\"} 1.0");
  }

  @Test
  void labelValuesAreEscapedSoNoValueForgesASeries() {
    metrics.increment("c_total", "h", "op", "say \"hi\"\nnow", "path", "a\\b");

    assertThat(lines()).contains("c_total{op=\"say \\\"hi\\\"\\nnow\",path=\"a\\\\b\"} 1.0");
  }

  @Test
  void gaugeIsReadAtScrapeTimeAndRegisteringAgainReplacesIt() {
    AtomicReference<Double> depth = new AtomicReference<>(4.5);
    metrics.gauge("sb_queue_depth", "Queued commands.", depth::get, "lane", "x");
    assertThat(lines())
        .containsSubsequence(
            "# HELP sb_queue_depth Queued commands.",
            "# TYPE sb_queue_depth gauge",
            "sb_queue_depth{lane=\"x\"} 4.5");

    depth.set(7.0);
    assertThat(lines()).contains("sb_queue_depth{lane=\"x\"} 7.0");
    metrics.gauge("sb_queue_depth", "Queued commands.", () -> 1, "lane", "x");
    assertThat(lines()).contains("sb_queue_depth{lane=\"x\"} 1.0");
  }

  @Test
  void histogramBucketsAreCumulativeWithSumAndCount() {
    for (double v : new double[] {0.003, 0.2, 0.2, 7}) {
      metrics.observe("sb_call_seconds", "Call latency.", v, "op", "list");
    }

    List<String> l = lines();
    assertThat(l)
        .containsSubsequence(
            "# HELP sb_call_seconds Call latency.", "# TYPE sb_call_seconds histogram");
    assertThat(l)
        .containsSubsequence(
            "sb_call_seconds_bucket{op=\"list\",le=\"0.005\"} 1",
            "sb_call_seconds_bucket{op=\"list\",le=\"0.1\"} 1",
            "sb_call_seconds_bucket{op=\"list\",le=\"0.25\"} 3",
            "sb_call_seconds_bucket{op=\"list\",le=\"5.0\"} 3",
            "sb_call_seconds_bucket{op=\"list\",le=\"10.0\"} 4",
            "sb_call_seconds_bucket{op=\"list\",le=\"30.0\"} 4",
            "sb_call_seconds_bucket{op=\"list\",le=\"+Inf\"} 4",
            "sb_call_seconds_count{op=\"list\"} 4");
    long[] counts =
        l.stream()
            .filter(s -> s.startsWith("sb_call_seconds_bucket"))
            .mapToLong(s -> Long.parseLong(s.substring(s.lastIndexOf(' ') + 1)))
            .toArray();
    assertThat(counts).hasSize(13);
    for (int i = 1; i < counts.length; i++) {
      assertThat(counts[i]).as("bucket %d is cumulative", i).isGreaterThanOrEqualTo(counts[i - 1]);
    }
    String sum =
        l.stream()
            .filter(s -> s.startsWith("sb_call_seconds_sum{op=\"list\"} "))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(sum.substring(sum.lastIndexOf(' ') + 1)))
        .isCloseTo(7.403, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void seriesWithinAFamilyAreSortedSoScrapesCompare() {
    metrics.increment("c_total", "h", "k", "b");
    metrics.increment("c_total", "h", "k", "a");
    metrics.increment("c_total", "h", "k", "c");
    assertThat(metrics.scrape())
        .contains("c_total{k=\"a\"} 1.0\nc_total{k=\"b\"} 1.0\nc_total{k=\"c\"} 1.0\n");
  }

  @Test
  void aRunningPlatformShowsTheProcessAndItsBuild() throws Exception {
    try (AutoCloseable gc = metrics.bindProcess("1.2.3")) {
      assertThat(metrics.scrape())
          .contains("switchboard_build_info{version=\"1.2.3\"} 1\n")
          .contains("jvm_memory_used_bytes{")
          .contains("jvm_threads_live_threads")
          .contains("process_uptime_seconds");
    }
  }

  @Test
  void aKafkaClientsOwnMetricsCarryTheProvider() throws Exception {
    java.util.Properties p = new java.util.Properties();
    p.put("bootstrap.servers", "127.0.0.1:1");
    p.put(
        "key.serializer",
        org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
    p.put(
        "value.serializer",
        org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(p);
        AutoCloseable bound = metrics.bindKafka(producer, "iq")) {
      assertThat(lines())
          .anySatisfy(l -> assertThat(l).startsWith("kafka_producer_").contains("provider=\"iq\""));
    }
  }
}
