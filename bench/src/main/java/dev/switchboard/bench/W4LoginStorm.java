package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * W4: a burst of commands on cold AccountsIQ connections (1.1 Login), then steady traffic for
 * simulated time with 20-minute tokens. Time is compressed ({@link BenchEnv#TIME_SCALE}): the
 * simulator's tokens and every system's configured lifetime are 20 real seconds. Logins are counted
 * by the simulator, per company.
 */
final class W4LoginStorm {
  private W4LoginStorm() {}

  static String run(BenchEnv env, BenchPlan plan, List<Sut> systems) throws Exception {
    Map<Sut, Measures> m = new EnumMap<>(Sut.class);
    for (int run = 1; run <= plan.runs(); run++) {
      for (Sut s : Rotation.of(systems, run)) {
        Measures x = m.computeIfAbsent(s, k -> new Measures());
        ChildJvm jvm = s.start(env, plan.heap(), "w4-" + run + "-" + s.prefix);
        try (CommandDriver d =
            new CommandDriver(
                env.broker().bootstrap(),
                s.commandsTopic("accountsiq"),
                s.resultsTopic("accountsiq"))) {
          long[] before = logins(env);
          CommandDriver.Outcome storm =
              d.run(
                  commands("w4s-" + run + "-" + s.prefix, plan.w4Commands(), plan),
                  plan.w4Commands(),
                  0,
                  Duration.ofMinutes(10));
          long[] afterStorm = logins(env);
          x.storm(storm, delta(before, afterStorm));
          int shortN =
              (int) (plan.w4ShortMinutes() * 60.0 / BenchEnv.TIME_SCALE * plan.w4SteadyPerSecond());
          int longN =
              (int)
                  ((plan.w4LongMinutes() - plan.w4ShortMinutes())
                      * 60.0
                      / BenchEnv.TIME_SCALE
                      * plan.w4SteadyPerSecond());
          CommandDriver.Outcome a =
              d.run(
                  commands("w4a-" + run + "-" + s.prefix, shortN, plan),
                  shortN,
                  plan.w4SteadyPerSecond(),
                  Duration.ofMinutes(10));
          long[] afterShort = logins(env);
          CommandDriver.Outcome b =
              d.run(
                  commands("w4b-" + run + "-" + s.prefix, longN, plan),
                  longN,
                  plan.w4SteadyPerSecond(),
                  Duration.ofMinutes(10));
          x.steady(a, b, delta(afterStorm, afterShort), delta(afterStorm, logins(env)));
          Progress.say(
              "W4 run %d %s: storm logins %s, refreshes %s / %s",
              run, s.label, Arrays.toString(delta(before, afterStorm)), x.lastShort, x.lastLong);
        } finally {
          jvm.close();
        }
      }
    }
    return W4Report.render(plan, m);
  }

  static List<CommandDriver.Command> commands(String prefix, int n, BenchPlan plan) {
    SplittableRandom rnd = new SplittableRandom(n + 4);
    List<CommandDriver.Command> cmds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = prefix + "-" + i;
      String conn = "c" + (1 + i % plan.w4Connections());
      String code = String.format("C%06d", 1 + rnd.nextInt(1_000));
      cmds.add(
          new CommandDriver.Command(
              id,
              id,
              "{\"id\":\""
                  + id
                  + "\",\"operation\":\"customers.get\","
                  + "\"connection\":\""
                  + conn
                  + "\",\"params\":{\"customerCode\":\""
                  + code
                  + "\"}}"));
    }
    return cmds;
  }

  private static long[] logins(BenchEnv env) {
    long[] l = new long[env.aiqCompanies()];
    for (int i = 0; i < l.length; i++) l[i] = env.sandbox().aiqLogins(i + 1);
    return l;
  }

  private static long[] delta(long[] a, long[] b) {
    long[] d = new long[a.length];
    for (int i = 0; i < a.length; i++) d[i] = b[i] - a[i];
    return d;
  }

  /** One system's W4 samples over the runs. */
  static final class Measures {
    final Samples stormMaxLogins = new Samples();
    final Samples stormMeanLogins = new Samples();
    final Samples stormSeconds = new Samples();
    final Samples stormP99 = new Samples();
    final Samples shortRefreshes = new Samples();
    final Samples longRefreshes = new Samples();
    int failed;
    String lastShort = "";
    String lastLong = "";

    void storm(CommandDriver.Outcome o, long[] logins) {
      stormMaxLogins.add(Arrays.stream(logins).max().orElse(0));
      stormMeanLogins.add(Arrays.stream(logins).average().orElse(0));
      stormSeconds.add(o.wallNanos() / 1e9);
      stormP99.add(Samples.percentileMs(o.latenciesNanos(), 0.99));
      failed += o.failed();
    }

    void steady(
        CommandDriver.Outcome a, CommandDriver.Outcome b, long[] shortLogins, long[] longLogins) {
      double s = Arrays.stream(shortLogins).average().orElse(0);
      double l = Arrays.stream(longLogins).average().orElse(0);
      shortRefreshes.add(s);
      longRefreshes.add(l);
      failed += a.failed() + b.failed();
      lastShort = Arrays.toString(shortLogins);
      lastLong = Arrays.toString(longLogins);
    }
  }
}
