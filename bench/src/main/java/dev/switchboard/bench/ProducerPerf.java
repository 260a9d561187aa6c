package dev.switchboard.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw producer limit: Kafka's own {@code ProducerPerformance} (kafka-tools) in a child JVM with
 * the same heap as the systems, sending the same bytes as Switchboard (payloads are real record
 * events captured from it) with the same producer settings (acks=all, idempotence, lz4,
 * linger.ms=5, as {@code ResultPublisher}), to one partition (a command's events share one).
 */
final class ProducerPerf {
  static final String TOPIC = "bench-producer-perf";
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

  private ProducerPerf() {}

  /** Records per second for {@code records} records drawn from {@code payloads} (one per line). */
  static double run(
      BenchEnv env, String heap, long records, java.nio.file.Path payloads, String runName)
      throws Exception {
    env.broker().createPerfTopic(TOPIC);
    ChildJvm jvm =
        ChildJvm.start(
            "producer-perf",
            heap,
            env.workDir().resolve(runName),
            null,
            List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                TOPIC,
                "--num-records",
                Long.toString(records),
                "--payload-file",
                payloads.toString(),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + env.broker().bootstrap(),
                "acks=all",
                "enable.idempotence=true",
                "compression.type=lz4",
                "linger.ms=5"));
    int exit = jvm.waitFor(Duration.ofMinutes(15));
    Matcher last = null;
    for (String line : Files.readAllLines(jvm.log())) {
      Matcher m = SUMMARY.matcher(line);
      if (m.find()) last = m;
    }
    if (exit != 0 || last == null)
      throw new IllegalStateException("ProducerPerformance failed, see " + jvm.log());
    return Double.parseDouble(last.group(2));
  }
}
