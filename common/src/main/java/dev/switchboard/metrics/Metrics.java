package dev.switchboard.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * A small Prometheus registry: counters, gauges and latency histograms with labels, rendered in the
 * text exposition format for {@code /metrics}. Lock-free; safe from any thread. Label values are
 * provider ids, connection ids, operation names and outcomes: never secrets.
 */
public final class Metrics {
  private static final double[] BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
  };
  private final Map<String, String> help = new ConcurrentHashMap<>();
  private final Map<String, String> types = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();
  private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

  /** Adds one to counter {@code name} with label pairs {@code k1, v1, k2, v2...}. */
  public void increment(String name, String helpText, String... labels) {
    declare(name, helpText, "counter");
    counters.computeIfAbsent(series(name, labels), k -> new LongAdder()).increment();
  }

  /** Registers a gauge read at scrape time. */
  public void gauge(String name, String helpText, DoubleSupplier value, String... labels) {
    declare(name, helpText, "gauge");
    gauges.put(series(name, labels), value);
  }

  /** Records one observation in seconds. */
  public void observe(String name, String helpText, double seconds, String... labels) {
    declare(name, helpText, "histogram");
    histograms.computeIfAbsent(series(name, labels), k -> new Histogram(name, labels)).add(seconds);
  }

  /** Current value of a counter series, for tests and status lines. */
  public long count(String name, String... labels) {
    LongAdder a = counters.get(series(name, labels));
    return a == null ? 0 : a.sum();
  }

  /** Prometheus text format; names, and series within a name, sorted for stable output. */
  public String scrape() {
    Map<String, Map<String, String>> byName = new TreeMap<>();
    counters.forEach((s, v) -> put(byName, s, s + " " + v.sum() + "\n"));
    gauges.forEach((s, v) -> put(byName, s, s + " " + v.getAsDouble() + "\n"));
    histograms.forEach(
        (s, h) -> {
          StringBuilder b = new StringBuilder();
          h.render(b);
          put(byName, s, b.toString());
        });
    StringBuilder out = new StringBuilder();
    byName.forEach(
        (name, series) -> {
          out.append(header(name));
          series.values().forEach(out::append);
        });
    return out.toString();
  }

  private static void put(Map<String, Map<String, String>> byName, String series, String text) {
    String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
    byName.computeIfAbsent(name, k -> new TreeMap<>()).put(series, text);
  }

  private StringBuilder header(String name) {
    return new StringBuilder("# HELP ")
        .append(name)
        .append(' ')
        .append(help.get(name))
        .append("\n# TYPE ")
        .append(name)
        .append(' ')
        .append(types.get(name))
        .append('\n');
  }

  private void declare(String name, String helpText, String type) {
    help.putIfAbsent(name, helpText);
    types.putIfAbsent(name, type);
  }

  static String series(String name, String... labels) {
    if (labels.length == 0) {
      return name;
    }
    StringBuilder b = new StringBuilder(name).append('{');
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (i > 0) {
        b.append(',');
      }
      b.append(labels[i])
          .append("=\"")
          .append(labels[i + 1].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          .append('"');
    }
    return b.append('}').toString();
  }

  private static final class Histogram {
    final String name;
    final String[] labels;
    final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    Histogram(String name, String[] labels) {
      this.name = name;
      this.labels = labels;
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void add(double v) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (v <= BUCKETS[i]) {
          buckets[i].increment();
        }
      }
      count.increment();
      sum.add(v);
    }

    void render(StringBuilder b) {
      for (int i = 0; i < BUCKETS.length; i++) {
        b.append(withLe(String.valueOf(BUCKETS[i])))
            .append(' ')
            .append(buckets[i].sum())
            .append('\n');
      }
      b.append(withLe("+Inf")).append(' ').append(count.sum()).append('\n');
      b.append(series(name + "_sum", labels)).append(' ').append(sum.sum()).append('\n');
      b.append(series(name + "_count", labels)).append(' ').append(count.sum()).append('\n');
    }

    private String withLe(String le) {
      String[] l = java.util.Arrays.copyOf(labels, labels.length + 2);
      l[labels.length] = "le";
      l[labels.length + 1] = le;
      return series(name + "_bucket", l);
    }
  }
}
