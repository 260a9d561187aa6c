package dev.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * W5 and W6: one command streams a provider's whole list to the results topic, measured exactly as
 * W2 (median of runs, % of the raw producer measured in the same run with Switchboard's own record
 * events, CPU s, every record and one {@code completed} per run checked).
 *
 * <ul>
 *   <li>W5: AccountsIQ {@code customers.list} — one SOAP answer ({@code GetCustomerList}, no
 *       paging) with every customer, streamed by the simulator.
 *   <li>W6: Accengage {@code devices.export} — CSV pages of 100 rows chained by the {@code Link}
 *       header, every request signed ({@code Accengage-Time}, {@code Accengage-Signature}) and
 *       carrying the access token.
 * </ul>
 */
final class ListWorkload {
  /**
   * @param workload W5 or W6
   * @param connection the measured connection; {@code warmConnection} has as many records (these
   *     streams last seconds: a tenth left the first run's JIT cold)
   */
  private record Spec(
      String workload,
      String provider,
      String operation,
      String connection,
      String warmConnection,
      long records,
      String heading,
      String description,
      String fields) {}

  private ListWorkload() {}

  static String w5(BenchEnv env, BenchPlan plan, Map<Sut, ChildJvm> systems) throws Exception {
    long n = plan.w5Customers();
    return run(
        env,
        plan,
        systems,
        new Spec(
            "W5",
            "accountsiq",
            "customers.list",
            BenchSandbox.W5_CONNECTIONS.get(0),
            BenchSandbox.W5_CONNECTIONS.get(1),
            n,
            "## W5 — AccountsIQ SOAP stream",
            "One `customers.list` command on an AccountsIQ 1.1 company with "
                + Samples.num(n, 0)
                + " customers: one SOAP call (`GetCustomerList`, which has no paging) whose answer"
                + " the simulator streams as it generates it → one `record` event per customer.",
            "Switchboard parses the answer as it arrives and types the fields (numbers, booleans);"
                + " the hand-written peer reads the response stream with StAX and passes the fields"
                + " through as strings; Camel's vertx-http buffers the whole answer before its"
                + " Splitter streams over it (StAX, batches of 1,000 events), also as strings."));
  }

  static String w6(BenchEnv env, BenchPlan plan, Map<Sut, ChildJvm> systems) throws Exception {
    long n = plan.w6Devices();
    return run(
        env,
        plan,
        systems,
        new Spec(
            "W6",
            "accengage",
            "devices.export",
            BenchSandbox.W6_CONNECTIONS.get(0),
            BenchSandbox.W6_CONNECTIONS.get(1),
            n,
            "## W6 — Accengage export",
            "One `devices.export` command on an Accengage app with "
                + Samples.num(n, 0)
                + " devices: CSV pages of 100 rows (so "
                + Samples.num(Math.ceil(n / 100.0), 0)
                + " provider calls, each signed with `Accengage-Time` / `Accengage-Signature` and"
                + " carrying the access token) chained by the `Link` header → one `record` event"
                + " per row.",
            "Every system passes the CSV fields through as strings."));
  }

  private static String run(BenchEnv env, BenchPlan plan, Map<Sut, ChildJvm> systems, Spec spec)
      throws Exception {
    Map<Sut, W2Ingestion.Measures> m = new EnumMap<>(Sut.class);
    String w = spec.workload().toLowerCase();
    Path payloads = env.workDir().resolve(w + "-payloads.txt");
    for (Sut s : systems.keySet()) {
      m.put(s, new W2Ingestion.Measures());
      List<byte[]> events =
          stream(
              env,
              s,
              systems.get(s),
              w + "warm-" + s.prefix,
              spec,
              spec.warmConnection(),
              spec.records(),
              new W2Ingestion.Measures());
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
    int recordSize = W2Ingestion.meanLineBytes(payloads);
    List<Double> raw = new ArrayList<>();
    Samples rawSamples = new Samples();
    for (int run = 1; run <= plan.runs(); run++) {
      double r = ProducerPerf.run(env, plan.heap(), spec.records(), payloads, w + "-perf-" + run);
      raw.add(r);
      rawSamples.add(r);
      Progress.say("%s run %d raw producer: %s records/s", spec.workload(), run, Samples.num(r, 0));
      for (Sut s : Rotation.of(systems.keySet(), run)) {
        stream(
            env,
            s,
            systems.get(s),
            w + "-" + run + "-" + s.prefix,
            spec,
            spec.connection(),
            spec.records(),
            m.get(s));
        Progress.say(
            "%s run %d %s: %s records/s",
            spec.workload(), run, s.label, Samples.num(m.get(s).byRun.get(run - 1), 0));
      }
    }
    MarkdownTable t = W2Ingestion.table(rawSamples, raw, recordSize, m);
    return spec.heading()
        + "\n\n"
        + spec.description()
        + " Records/s from sending the command to its `completed` event. The raw producer is"
        + " Kafka's `ProducerPerformance` writing "
        + Samples.num(spec.records(), 0)
        + " records drawn from the record events of Switchboard's warm-up on a list of the same size"
        + " (the first 5,000 at most; same bytes) to a one-partition topic, with Switchboard's"
        + " producer settings: acks=all, idempotent, lz4, linger.ms=5. "
        + spec.fields()
        + "\n\n"
        + t
        + "\n";
  }

  private static List<byte[]> stream(
      BenchEnv env,
      Sut s,
      ChildJvm jvm,
      String id,
      Spec spec,
      String connection,
      long records,
      W2Ingestion.Measures into) {
    String json =
        "{\"id\":\""
            + id
            + "\",\"operation\":\""
            + spec.operation()
            + "\",\"connection\":\""
            + connection
            + "\",\"params\":{}}";
    try (CommandDriver d =
        new CommandDriver(
                env.broker().bootstrap(),
                s.commandsTopic(spec.provider()),
                s.resultsTopic(spec.provider()))
            .capture(5_000)) {
      double cpu0 = ProcessMeter.cpuSeconds(jvm.pid());
      CommandDriver.Outcome o =
          d.run(
              List.of(new CommandDriver.Command(id, connection, json)),
              1,
              0,
              Duration.ofMinutes(20));
      into.add(o, ProcessMeter.cpuSeconds(jvm.pid()) - cpu0, records);
      return d.captured();
    }
  }
}
