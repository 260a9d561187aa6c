package dev.switchboard.bench;

import java.util.Map;

/** The W4 section of the report. */
final class W4Report {
  private W4Report() {}

  static String render(BenchPlan plan, Map<Sut, W4LoginStorm.Measures> m) {
    long lifetimeMin = BenchEnv.SIMULATED_TOKEN_LIFETIME.toMinutes();
    MarkdownTable t =
        new MarkdownTable(
            "system",
            "storm: logins per connection (mean)",
            "storm: max on one connection",
            "storm seconds",
            "storm p99 ms",
            "refreshes per connection, first " + plan.w4ShortMinutes() + " min",
            "refreshes per connection, " + plan.w4LongMinutes() + " min",
            "failed");
    m.forEach(
        (s, x) ->
            t.row(
                s.label,
                x.stormMeanLogins.show(2),
                x.stormMaxLogins.show(0),
                x.stormSeconds.show(2),
                x.stormP99.show(0),
                x.shortRefreshes.show(2),
                x.longRefreshes.show(2),
                Integer.toString(x.failed)));
    return "## W4 — login storm and token lifetime\n\n"
        + Samples.num(plan.w4Commands(), 0)
        + " `customers.get` commands sent at once on "
        + plan.w4Connections()
        + " cold AccountsIQ 1.1 connections (a fresh JVM per run, no token yet); then "
        + Samples.num(plan.w4SteadyPerSecond(), 0)
        + " commands per real second for "
        + plan.w4LongMinutes()
        + " simulated minutes. Time runs "
        + BenchEnv.TIME_SCALE
        + "× fast: the simulator's Login tokens and "
        + "every system's configured token lifetime are "
        + BenchEnv.realTokenLifetime().toSeconds()
        + " s, standing for "
        + lifetimeMin
        + " minutes. Logins are counted by the simulator. Goal: 1 login per "
        + "connection in the storm, 0 refreshes in the first "
        + plan.w4ShortMinutes()
        + " minutes and one per "
        + "token lifetime after that ("
        + (plan.w4LongMinutes() / lifetimeMin)
        + " in "
        + plan.w4LongMinutes()
        + " minutes).\n\n"
        + t
        + "\n";
  }
}
