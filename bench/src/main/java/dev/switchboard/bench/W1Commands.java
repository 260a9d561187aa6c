package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * W1: many single-call commands ({@code items.get}) at 0 ms and 20 ms provider latency. Throughput,
 * command-to-terminal-event latency and CPU per 1,000 commands, per system.
 */
final class W1Commands {
  static final List<Long> LATENCIES_MS = List.of(0L, 20L);

  private W1Commands() {}

  static String run(BenchEnv env, BenchPlan plan, Map<Sut, ChildJvm> systems) {
    StringBuilder out =
        new StringBuilder("## W1 — single-call commands\n\n")
            .append(Samples.num(plan.w1Commands(), 0))
            .append(" `items.get` commands over ")
            .append(BenchSandbox.IQR_TENANTS)
            .append(" connections, at most ")
            .append(plan.w1Window())
            .append(
                " outstanding (closed loop; latency is send to terminal event on the harness's clock). ")
            .append("CPU is user+system time of the system's JVM during the run.\n\n");
    for (long latency : LATENCIES_MS) {
      env.sandbox().setIqrLatency(latency);
      Map<Sut, Measures> m = new EnumMap<>(Sut.class);
      systems.keySet().forEach(s -> m.put(s, new Measures()));
      // JIT warm-up before the first setting; a short one after, to settle at the new latency.
      int warm = latency == LATENCIES_MS.get(0) ? plan.w1Warmup() : plan.w1Warmup() / 10;
      for (Sut s : systems.keySet()) {
        measure(
            env,
            s,
            systems.get(s),
            commands("w1warm-" + latency + "-" + s.prefix, warm),
            plan,
            null);
      }
      for (int run = 1; run <= plan.runs(); run++) {
        for (Sut s : Rotation.of(systems.keySet(), run)) {
          List<CommandDriver.Command> cmds =
              commands("w1-" + latency + "-" + run + "-" + s.prefix, plan.w1Commands());
          measure(env, s, systems.get(s), cmds, plan, m.get(s));
          Progress.say(
              "W1 %d ms run %d %s: %s cmd/s",
              latency, run, s.label, Samples.num(m.get(s).last(), 0));
        }
      }
      out.append("### ")
          .append(latency)
          .append(" ms sandbox latency\n\n")
          .append(table(m))
          .append('\n')
          .append(Ratios.describe(m))
          .append("\n\n");
    }
    env.sandbox().setIqrLatency(0);
    return out.toString();
  }

  static List<CommandDriver.Command> commands(String prefix, int n) {
    return commands(prefix, n, BenchSandbox.iqrTenants());
  }

  /** {@code n} {@code items.get} commands, round-robin over {@code tenants}. */
  static List<CommandDriver.Command> commands(String prefix, int n, List<String> tenants) {
    SplittableRandom rnd = new SplittableRandom(n);
    List<CommandDriver.Command> cmds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = prefix + "-" + i;
      long item = 100 + rnd.nextLong(BenchSandbox.ITEMS);
      cmds.add(
          new CommandDriver.Command(
              id,
              id,
              "{\"id\":\""
                  + id
                  + "\",\"operation\":\"items.get\",\"connection\":\""
                  + tenants.get(i % tenants.size())
                  + "\",\"params\":{\"itemId\":\""
                  + item
                  + "\"}}"));
    }
    return cmds;
  }

  static void measure(
      BenchEnv env,
      Sut s,
      ChildJvm jvm,
      List<CommandDriver.Command> cmds,
      BenchPlan plan,
      Measures into) {
    measure(env, s.prefix, jvm, cmds, plan, into);
  }

  /** Runs {@code cmds} through the IQ Reseller topics {@code <prefix>.iqreseller.*}. */
  static void measure(
      BenchEnv env,
      String prefix,
      ChildJvm jvm,
      List<CommandDriver.Command> cmds,
      BenchPlan plan,
      Measures into) {
    try (CommandDriver d =
        new CommandDriver(
            env.broker().bootstrap(),
            prefix + ".iqreseller.commands",
            prefix + ".iqreseller.results")) {
      double cpu0 = ProcessMeter.cpuSeconds(jvm.pid());
      CommandDriver.Outcome o = d.run(cmds, plan.w1Window(), 0, Duration.ofMinutes(15));
      double cpu = ProcessMeter.cpuSeconds(jvm.pid()) - cpu0;
      if (into != null) into.add(o, cpu, cmds.size());
    }
  }

  private static String table(Map<Sut, Measures> m) {
    MarkdownTable t =
        new MarkdownTable(
            "system", "commands/s", "p50 ms", "p99 ms", "CPU s per 1,000", "failed / duplicates");
    m.forEach(
        (s, x) ->
            t.row(
                s.label,
                x.throughput.show(0),
                x.p50.show(1),
                x.p99.show(1),
                x.cpuPer1000.show(3),
                x.failed + " / " + x.duplicates + (x.codes.isEmpty() ? "" : " " + x.codes)));
    return t.toString();
  }

  /** One system's samples in one latency setting. */
  static final class Measures {
    final Samples throughput = new Samples();
    final Samples p50 = new Samples();
    final Samples p99 = new Samples();
    final Samples cpuPer1000 = new Samples();
    final List<Double> throughputByRun = new ArrayList<>();
    final List<Double> cpuByRun = new ArrayList<>();
    final Map<String, Integer> codes = new java.util.TreeMap<>();
    int failed;
    int duplicates;

    void add(CommandDriver.Outcome o, double cpuSeconds, int n) {
      double tput = n / (o.wallNanos() / 1e9);
      throughput.add(tput);
      throughputByRun.add(tput);
      p50.add(Samples.percentileMs(o.latenciesNanos(), 0.50));
      p99.add(Samples.percentileMs(o.latenciesNanos(), 0.99));
      cpuPer1000.add(cpuSeconds / n * 1000);
      cpuByRun.add(cpuSeconds / n * 1000);
      failed += o.failed();
      duplicates += o.duplicates();
      o.failureCodes().forEach((k, v) -> codes.merge(k, v, Integer::sum));
    }

    double last() {
      return throughputByRun.get(throughputByRun.size() - 1);
    }
  }
}
