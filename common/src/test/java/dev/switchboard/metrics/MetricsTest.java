package dev.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final Metrics metrics = new Metrics();

  private List<String> lines() {
    return Arrays.asList(metrics.scrape().split("\n"));
  }

  @Test
  void counterWithHelpAndTypeLines() {
    metrics.increment("sb_commands_total", "Commands taken in.", "provider", "iq");
    metrics.increment("sb_commands_total", "Commands taken in.", "provider", "iq");

    assertThat(metrics.scrape())
        .isEqualTo(
            """
        # HELP sb_commands_total Commands taken in.
        # TYPE sb_commands_total counter
        sb_commands_total{provider="iq"} 2
        """);
    assertThat(metrics.count("sb_commands_total", "provider", "iq")).isEqualTo(2);
    assertThat(metrics.count("sb_commands_total", "provider", "other")).isZero();
  }

  @Test
  void familyHeaderAppearsOnceBeforeAllItsSeries() {
    metrics.increment("c", "h", "op", "a", "outcome", "ok");
    metrics.increment("c", "h", "op", "b", "outcome", "failed");

    assertThat(lines())
        .hasSize(4)
        .startsWith("# HELP c h", "# TYPE c counter")
        .contains("c{op=\"a\",outcome=\"ok\"} 1", "c{op=\"b\",outcome=\"failed\"} 1");
  }

  @Test
  void labelValuesAreEscaped() {
    metrics.increment("c", "h", "op", "say \"hi\"\nnow", "path", "a\\b");

    assertThat(lines()).contains("c{op=\"say \\\"hi\\\"\\nnow\",path=\"a\\\\b\"} 1");
  }

  @Test
  void gaugeIsReadAtScrapeTime() {
    AtomicReference<Double> depth = new AtomicReference<>(4.5);
    metrics.gauge("sb_queue_depth", "Queued commands.", depth::get, "lane", "x");
    assertThat(lines())
        .containsExactly(
            "# HELP sb_queue_depth Queued commands.",
            "# TYPE sb_queue_depth gauge",
            "sb_queue_depth{lane=\"x\"} 4.5");

    depth.set(7.0);
    assertThat(lines()).contains("sb_queue_depth{lane=\"x\"} 7.0");
  }

  @Test
  void histogramBucketsAreCumulativeWithSumAndCount() {
    for (double v : new double[] {0.003, 0.2, 0.2, 7}) {
      metrics.observe("sb_call_seconds", "Call latency.", v, "op", "list");
    }

    List<String> l = lines();
    assertThat(l)
        .startsWith("# HELP sb_call_seconds Call latency.", "# TYPE sb_call_seconds histogram");
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
        .isCloseTo(7.403, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void familiesAreSortedByName() {
    metrics.increment("zz_total", "z");
    metrics.observe("mm_seconds", "m", 0.01);
    metrics.gauge("aa_gauge", "a", () -> 1);

    String text = metrics.scrape();
    assertThat(text.indexOf("# HELP aa_gauge")).isLessThan(text.indexOf("# HELP mm_seconds"));
    assertThat(text.indexOf("# HELP mm_seconds")).isLessThan(text.indexOf("# HELP zz_total"));
    assertThat(text)
        .contains(
            "\nzz_total 1\n",
            "\naa_gauge 1.0\n",
            "\nmm_seconds_count 1\n",
            "\nmm_seconds_bucket{le=\"0.01\"} 1\n");
  }

  @Test
  void seriesWithinAFamilyAreSorted() {
    Metrics m = new Metrics();
    m.increment("c_total", "h", "k", "b");
    m.increment("c_total", "h", "k", "a");
    m.increment("c_total", "h", "k", "c");
    assertThat(m.scrape()).contains("c_total{k=\"a\"} 1\nc_total{k=\"b\"} 1\nc_total{k=\"c\"} 1\n");
  }
}
