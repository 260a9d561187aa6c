package dev.switchboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The platform's metrics on a Micrometer {@link PrometheusMeterRegistry}, named as Prometheus shows
 * them: a counter {@code x_total}, a gauge {@code x}, a latency histogram {@code x_seconds}
 * (buckets from 5 ms to 30 s). Safe from any thread. Label values are provider ids, connection ids,
 * operation names and outcomes: never secrets. {@link #registry()} takes Micrometer's own binders
 * (JVM, process, Kafka clients).
 */
public final class Metrics {
  private static final Duration[] BUCKETS =
      java.util.stream.DoubleStream.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
          .mapToObj(s -> Duration.ofNanos((long) (s * 1e9)))
          .toArray(Duration[]::new);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** The registry, for binders and for meters this facade does not cover. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Adds one to counter {@code name} (ending in {@code _total}), labels {@code k1, v1, ...}. */
  public void increment(String name, String helpText, String... labels) {
    counter(name, helpText, labels).increment();
  }

  /** Adds {@code amount} to counter {@code name} (ending in {@code _total}). */
  public void add(String name, String helpText, double amount, String... labels) {
    counter(name, helpText, labels).increment(amount);
  }

  /**
   * The process's own metrics, for a running platform (tests leave them out): JVM memory, GC,
   * threads, classes, CPU, uptime, open files, and {@code switchboard_build_info{version}} = 1.
   *
   * @return closes the GC listener
   */
  public AutoCloseable bindProcess(String version) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    // An info metric, which Micrometer has no meter for: Prometheus's own Info.
    Info.builder()
        .name("switchboard_build_info")
        .help("Build of this instance (always 1)")
        .labelNames("version")
        .register(registry.getPrometheusRegistry())
        .addLabelValues(version);
    return gc;
  }

  /**
   * A Kafka client's own metrics (for a consumer: records-lag per partition, fetch and commit
   * rates; for a producer: send and error rates), labelled with the provider.
   *
   * @return unbinds them; call before closing the client
   */
  public AutoCloseable bindKafka(Consumer<?, ?> consumer, String provider) {
    KafkaClientMetrics m = new KafkaClientMetrics(consumer, Tags.of("provider", provider));
    m.bindTo(registry);
    return m;
  }

  /** {@link #bindKafka(Consumer, String)} for a producer. */
  public AutoCloseable bindKafka(Producer<?, ?> producer, String provider) {
    KafkaClientMetrics m = new KafkaClientMetrics(producer, Tags.of("provider", provider));
    m.bindTo(registry);
    return m;
  }

  /** Registers a gauge read at scrape time; registering the same series again replaces it. */
  public void gauge(String name, String helpText, DoubleSupplier value, String... labels) {
    Gauge old = registry.find(name).tags(labels).gauge();
    if (old != null) {
      registry.remove(old);
    }
    Gauge.builder(name, value::getAsDouble).description(helpText).tags(labels).register(registry);
  }

  /** Records one observation in seconds into histogram {@code name} (ending in _seconds). */
  public void observe(String name, String helpText, double seconds, String... labels) {
    Timer.builder(base(name, "_seconds"))
        .description(helpText)
        .tags(labels)
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
  }

  /** Current value of a counter series, for tests and status lines. */
  public long count(String name, String... labels) {
    Counter c = registry.find(base(name, "_total")).tags(Tags.of(labels)).counter();
    return c == null ? 0 : (long) c.count();
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  private Counter counter(String name, String helpText, String... labels) {
    return Counter.builder(base(name, "_total"))
        .description(helpText)
        .tags(labels)
        .register(registry);
  }

  /** Micrometer adds the unit or {@code _total} itself when it renders a name for Prometheus. */
  private static String base(String name, String suffix) {
    return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
  }
}
