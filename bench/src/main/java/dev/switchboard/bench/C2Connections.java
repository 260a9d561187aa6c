package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C2, a cost curve: W1's {@code items.get} commands spread over 1, 8 and 64 connections (each its
 * own IQ Reseller tenant with its own API key), the same number of commands at every point.
 * Switchboard only.
 */
final class C2Connections {
  private C2Connections() {}

  static String run(BenchEnv env, BenchPlan plan, ChildJvm jvm) {
    List<String> all =
        BenchSandbox.connectionTenants(
            BenchSandbox.CONNECTIONS.get(BenchSandbox.CONNECTIONS.size() - 1));
    // JIT warm-up, and every connection logged in before anything is timed.
    W1Commands.measure(
        env, Sut.SWITCHBOARD, jvm, W1Commands.commands("c2warm", plan.w1Warmup(), all), plan, null);
    Map<Integer, W1Commands.Measures> points = new LinkedHashMap<>();
    BenchSandbox.CONNECTIONS.forEach(n -> points.put(n, new W1Commands.Measures()));
    for (int run = 1; run <= plan.runs(); run++) {
      List<Integer> order = new ArrayList<>(BenchSandbox.CONNECTIONS);
      Collections.rotate(order, -(run - 1));
      for (int n : order) {
        W1Commands.Measures m = points.get(n);
        List<CommandDriver.Command> cmds =
            W1Commands.commands(
                "c2-" + run + "-" + n, plan.c2Commands(), BenchSandbox.connectionTenants(n));
        W1Commands.measure(env, Sut.SWITCHBOARD, jvm, cmds, plan, m);
        Progress.say("C2 run %d, %d connections: %s cmd/s", run, n, Samples.num(m.last(), 0));
      }
    }
    MarkdownTable t =
        new MarkdownTable(
            "connections",
            "commands/s",
            "p50 ms",
            "p99 ms",
            "CPU s per 1,000",
            "failed / duplicates");
    points.forEach(
        (n, x) ->
            t.row(
                Integer.toString(n),
                x.throughput.show(0),
                x.p50.show(1),
                x.p99.show(1),
                x.cpuPer1000.show(3),
                x.failed + " / " + x.duplicates + (x.codes.isEmpty() ? "" : " " + x.codes)));
    return "### C2 — connections\n\n"
        + Samples.num(plan.c2Commands(), 0)
        + " `items.get` commands round-robin over 1, 8 or 64 connections (each its own IQ Reseller"
        + " tenant and API key, logged in during the warm-up), at most "
        + plan.w1Window()
        + " outstanding, 0 ms sandbox latency; otherwise as W1. Switchboard's default runtime"
        + " settings bound in-flight work to 32 commands per connection and 256 in all, so one"
        + " connection runs at most 32 at a time.\n\n"
        + t
        + "\n";
  }
}
