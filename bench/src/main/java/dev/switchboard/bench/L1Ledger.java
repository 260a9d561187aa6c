package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * L1, the ledger's cost: W1's {@code items.get} load at 0 ms and 20 ms sandbox latency on
 * Switchboard with the ledger on (the default) and with {@code ledger: false}. Each run starts one
 * Switchboard per setting in turn (never both at once, so they do not share the CPU), each on
 * topics and consumer groups of its own, and warms it up before measuring it.
 */
final class L1Ledger {
  private static final String OFF = "ledger: false";

  private L1Ledger() {}

  static String run(BenchEnv env, BenchPlan plan) throws Exception {
    List<Boolean> settings = List.of(true, false);
    Map<String, W1Commands.Measures> cells = new LinkedHashMap<>();
    for (long latency : W1Commands.LATENCIES_MS)
      for (boolean on : settings) cells.put(key(on, latency), new W1Commands.Measures());
    String base = SwitchboardProcess.runtime();
    for (int run = 1; run <= plan.runs(); run++) {
      List<Boolean> order = new ArrayList<>(settings);
      Collections.rotate(order, -(run - 1));
      for (boolean on : order) {
        String prefix = "bench-l1-" + (on ? "on" : "off") + "-" + run;
        String runtime = on ? base : base.isBlank() ? OFF : base + ", " + OFF;
        env.broker().createTopics(prefix);
        try (ChildJvm jvm =
            SwitchboardProcess.start(
                env, plan.heap(), env.workDir().resolve(prefix), prefix, runtime)) {
          for (long latency : W1Commands.LATENCIES_MS) {
            env.sandbox().setIqrLatency(latency);
            // JIT warm-up in each new JVM; a short one after, to settle at the new latency.
            int warm =
                latency == W1Commands.LATENCIES_MS.get(0) ? plan.w1Warmup() : plan.w1Warmup() / 10;
            String id = prefix + "-" + latency;
            W1Commands.measure(
                env, prefix, jvm, W1Commands.commands(id + "-warm", warm), plan, null);
            W1Commands.Measures m = cells.get(key(on, latency));
            W1Commands.measure(
                env, prefix, jvm, W1Commands.commands(id, plan.w1Commands()), plan, m);
            Progress.say("L1 %s: %s cmd/s", id, Samples.num(m.last(), 0));
          }
        } finally {
          env.sandbox().setIqrLatency(0);
        }
      }
    }
    MarkdownTable t =
        new MarkdownTable("configuration", "commands/s", "p50 ms", "p99 ms", "CPU s per 1,000");
    StringBuilder ratios = new StringBuilder();
    int failed = 0;
    int duplicates = 0;
    for (long latency : W1Commands.LATENCIES_MS) {
      for (boolean on : settings) {
        W1Commands.Measures x = cells.get(key(on, latency));
        String label = on ? (latency == 0 ? "ledger on (the default)" : "ledger on") : "ledger off";
        t.row(
            label + ", " + latency + " ms",
            x.throughput.show(0),
            x.p50.show(1),
            x.p99.show(1),
            x.cpuPer1000.show(3));
        failed += x.failed;
        duplicates += x.duplicates;
      }
      W1Commands.Measures on = cells.get(key(true, latency));
      W1Commands.Measures off = cells.get(key(false, latency));
      ratios
          .append("- ledger on ÷ off, ")
          .append(latency)
          .append(" ms: throughput ×")
          .append(Ratios.ratio(on.throughputByRun, off.throughputByRun).show(2))
          .append(", CPU per command ×")
          .append(Ratios.ratio(on.cpuByRun, off.cpuByRun).show(2))
          .append('\n');
    }
    return "## L1 — the ledger's cost\n\n"
        + "W1's load ("
        + Samples.num(plan.w1Commands(), 0)
        + " `items.get` commands, at most "
        + plan.w1Window()
        + " outstanding) on Switchboard with the ledger on (the default runtime settings) and with"
        + " `runtime: {ledger: false}`. The ledger writes a *started* record before each command"
        + " and an outcome record after it. Each run starts the two one after the other (never both"
        + " at once), each on its own topics and consumer groups, with "
        + Samples.num(plan.w1Warmup(), 0)
        + " warm-up commands before it is measured; ratios are computed run by run.\n\n"
        + t
        + "\n"
        + ratios
        + "- failed / duplicates over all cells: "
        + failed
        + " / "
        + duplicates
        + "\n";
  }

  private static String key(boolean on, long latency) {
    return on + "-" + latency;
  }
}
