package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C1, a cost curve: W2's {@code inventory.list} run as 1, 4 and 16 commands at once, each on its
 * own tenant and connection, the total number of records the same at every point. Switchboard only.
 */
final class C1Streams {
  private C1Streams() {}

  static String run(BenchEnv env, BenchPlan plan, ChildJvm jvm) {
    long total = plan.c1Records();
    // Logs every curve connection in and warms the paged path up (W2's warm-up tenant).
    W1Commands.measure(
        env,
        Sut.SWITCHBOARD,
        jvm,
        W1Commands.commands("c1warm", 1_000, BenchSandbox.curveTenants()),
        plan,
        null);
    stream(env, jvm, "c1warm", List.of(BenchSandbox.WARM_TENANT), plan.w2Records() / 10, null);
    Map<Integer, Point> points = new LinkedHashMap<>();
    BenchSandbox.STREAMS.forEach(n -> points.put(n, new Point()));
    for (int run = 1; run <= plan.runs(); run++) {
      List<Integer> order = new ArrayList<>(BenchSandbox.STREAMS);
      Collections.rotate(order, -(run - 1));
      for (int n : order) {
        double rate =
            stream(
                env,
                jvm,
                "c1-" + run + "-" + n,
                BenchSandbox.streamTenants(n),
                total / n * n,
                points.get(n));
        Progress.say("C1 run %d, %d streams: %s records/s", run, n, Samples.num(rate, 0));
      }
    }
    MarkdownTable t =
        new MarkdownTable(
            "streams",
            "records per stream",
            "records/s (all streams)",
            "CPU s per 100,000 records",
            "records / completed (all runs)");
    points.forEach(
        (n, p) ->
            t.row(
                Integer.toString(n),
                Samples.num(total / n, 0),
                p.rate.show(0),
                p.cpuPer100k.show(2),
                p.records + " / " + p.completed + (p.problems.isEmpty() ? "" : " " + p.problems)));
    return "### C1 — concurrent streams\n\n"
        + Samples.num(total, 0)
        + " inventory units in all, streamed by 1, 4 or 16 `inventory.list` commands (page size"
        + " 2,000) sent at once, each on its own IQ Reseller tenant and connection holding its"
        + " share. Records/s of all streams together, from the first `record` event to the last"
        + " `completed`; CPU is user+system time of Switchboard's JVM from sending the commands to"
        + " the last `completed`, per 100,000 records.\n\n"
        + t
        + "\n";
  }

  /** Sends one command per tenant at once; returns records/s, first record to last terminal. */
  private static double stream(
      BenchEnv env, ChildJvm jvm, String prefix, List<String> tenants, long total, Point into) {
    List<CommandDriver.Command> cmds = new ArrayList<>();
    for (String tenant : tenants) {
      String id = prefix + "-" + tenant;
      cmds.add(
          new CommandDriver.Command(
              id,
              tenant,
              "{\"id\":\""
                  + id
                  + "\",\"operation\":\"inventory.list\",\"connection\":\""
                  + tenant
                  + "\",\"params\":{\"pageSize\":2000}}"));
    }
    Sut s = Sut.SWITCHBOARD;
    try (CommandDriver d =
        new CommandDriver(
            env.broker().bootstrap(),
            s.commandsTopic("iqreseller"),
            s.resultsTopic("iqreseller"))) {
      double cpu0 = ProcessMeter.cpuSeconds(jvm.pid());
      CommandDriver.Outcome o = d.run(cmds, cmds.size(), 0, Duration.ofMinutes(20));
      double cpu = ProcessMeter.cpuSeconds(jvm.pid()) - cpu0;
      double rate = o.recordEvents() / ((o.wallNanos() - o.firstRecordNanos()) / 1e9);
      if (into != null) into.add(o, cpu, rate, total, cmds.size());
      return rate;
    }
  }

  /** One point of the curve, over the runs. */
  private static final class Point {
    final Samples rate = new Samples();
    final Samples cpuPer100k = new Samples();
    final List<String> problems = new ArrayList<>();
    long records;
    int completed;

    void add(CommandDriver.Outcome o, double cpu, double r, long expected, int commands) {
      rate.add(r);
      cpuPer100k.add(cpu / Math.max(1, o.recordEvents()) * 100_000);
      records += o.recordEvents();
      completed += o.completed();
      if (o.recordEvents() != expected) problems.add(o.recordEvents() + " of " + expected);
      if (o.completed() != commands) problems.add("failed " + o.failureCodes());
    }
  }
}
