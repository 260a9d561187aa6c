package dev.switchboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * W2: one command streams a long paged list ({@code inventory.list}, page size 2,000) to the
 * results topic. Records per second against Kafka's raw producer limit for the same record size,
 * measured in the same run.
 */
final class W2Ingestion {
  private W2Ingestion() {}

  static String run(BenchEnv env, BenchPlan plan, Map<Sut, ChildJvm> systems) throws Exception {
    Map<Sut, Measures> m = new EnumMap<>(Sut.class);
    Path payloads = env.workDir().resolve("w2-payloads.txt");
    for (Sut s : systems.keySet()) {
      m.put(s, new Measures());
      Measures warm = new Measures();
      List<byte[]> events =
          stream(
              env,
              s,
              systems.get(s),
              "w2warm-" + s.prefix,
              BenchSandbox.WARM_TENANT,
              plan.w2Records() / 10,
              warm);
      // The raw producer sends Switchboard's own record events (JSON has no raw newlines).
      if (s == Sut.SWITCHBOARD || !Files.exists(payloads)) {
        try (var out = Files.newOutputStream(payloads)) {
          for (byte[] e : events) {
            out.write(e);
            out.write('\n');
          }
        }
      }
    }
    int recordSize = meanLineBytes(payloads);
    List<Double> raw = new ArrayList<>();
    Samples rawSamples = new Samples();
    for (int run = 1; run <= plan.runs(); run++) {
      double r = ProducerPerf.run(env, plan.heap(), plan.w2Records(), payloads, "w2-perf-" + run);
      raw.add(r);
      rawSamples.add(r);
      Progress.say("W2 run %d raw producer: %s records/s", run, Samples.num(r, 0));
      for (Sut s : Rotation.of(systems.keySet(), run)) {
        stream(
            env, s, systems.get(s), "w2-" + run + "-" + s.prefix, "t1", plan.w2Records(), m.get(s));
        Progress.say(
            "W2 run %d %s: %s records/s",
            run, s.label, Samples.num(m.get(s).byRun.get(run - 1), 0));
      }
    }
    MarkdownTable t = table(rawSamples, raw, recordSize, m);
    return "## W2 — paged ingestion\n\nOne `inventory.list` command on a tenant with "
        + Samples.num(plan.w2Records(), 0)
        + " inventory units (page size 2,000, so "
        + Samples.num(Math.ceil(plan.w2Records() / 2000.0), 0)
        + " provider calls) → one `record` event per unit. "
        + "Records/s from sending the command to its `completed` event. The raw producer is Kafka's "
        + "`ProducerPerformance` writing "
        + Samples.num(plan.w2Records(), 0)
        + " records drawn from 5,000 record "
        + "events captured from Switchboard's warm-up (same bytes) to a one-partition topic (a command's events "
        + "share one partition), with Switchboard's producer settings: acks=all, idempotent, lz4, linger.ms=5.\n\n"
        + t
        + "\n";
  }

  static int meanLineBytes(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return (int)
        Math.round(
            lines.stream()
                .mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length)
                .average()
                .orElse(0));
  }

  private static List<byte[]> stream(
      BenchEnv env, Sut s, ChildJvm jvm, String id, String tenant, long records, Measures into) {
    String json =
        "{\"id\":\""
            + id
            + "\",\"operation\":\"inventory.list\",\"connection\":\""
            + tenant
            + "\",\"params\":{\"pageSize\":2000}}";
    try (CommandDriver d =
        new CommandDriver(
                env.broker().bootstrap(),
                s.commandsTopic("iqreseller"),
                s.resultsTopic("iqreseller"))
            .capture(5_000)) {
      double cpu0 = ProcessMeter.cpuSeconds(jvm.pid());
      CommandDriver.Outcome o =
          d.run(List.of(new CommandDriver.Command(id, tenant, json)), 1, 0, Duration.ofMinutes(20));
      into.add(o, ProcessMeter.cpuSeconds(jvm.pid()) - cpu0, records);
      return d.captured();
    }
  }

  /** One system's samples. */
  static final class Measures {
    final Samples rate = new Samples();
    final Samples cpu = new Samples();
    final List<Double> byRun = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    double meanEventBytes;
    long recordsSeen;
    int completed;

    void add(CommandDriver.Outcome o, double cpuSeconds, long expected) {
      double r = o.recordEvents() / (o.wallNanos() / 1e9);
      rate.add(r);
      byRun.add(r);
      cpu.add(cpuSeconds);
      meanEventBytes = o.recordEvents() == 0 ? 0 : (double) o.recordBytes() / o.recordEvents();
      recordsSeen += o.recordEvents();
      completed += o.completed();
      if (o.recordEvents() != expected)
        problems.add(o.recordEvents() + " of " + expected + " records");
      if (o.completed() != 1) problems.add("failed " + o.failureCodes());
    }
  }

  /** The table W2, W5 and W6 share: the raw producer, then each system against it run by run. */
  static MarkdownTable table(
      Samples rawSamples, List<Double> raw, int recordSize, Map<Sut, Measures> m) {
    MarkdownTable t =
        new MarkdownTable(
            "system",
            "records/s",
            "% of raw producer",
            "CPU s",
            "mean event bytes",
            "records / completed (all runs)");
    t.row(
        "raw producer (ProducerPerformance, same events)",
        rawSamples.show(0),
        "100",
        "–",
        Integer.toString(recordSize),
        "–");
    m.forEach(
        (s, x) -> {
          Samples pct100 = new Samples();
          for (int i = 0; i < Math.min(x.byRun.size(), raw.size()); i++)
            pct100.add(100 * x.byRun.get(i) / raw.get(i));
          t.row(
              s.label,
              x.rate.show(0),
              pct100.show(0),
              x.cpu.show(1),
              Samples.num(x.meanEventBytes, 0),
              x.recordsSeen + " / " + x.completed + (x.problems.isEmpty() ? "" : " " + x.problems));
        });
    return t;
  }
}
