package dev.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark workloads W1–W6 against Switchboard, the Camel peer and the hand-written peer,
 * the ledger's cost L1, the cost curves C1 (concurrent streams), C2 (connections) and C3 (commands
 * queued) and start-up S1 against Switchboard, and writes the results tables into {@code
 * docs/benchmarks.md}. See that page.
 *
 * <pre>
 * bench/run [--smoke] [--only W1,W2,W3,W4,W5,W6,L1,C1,C2,C3,S1] [--systems SWITCHBOARD,CAMEL,HANDWRITTEN]
 *     [--runs N] [--no-write]</pre>
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    BenchPlan plan = a.contains("--smoke") ? BenchPlan.smoke() : BenchPlan.full();
    int runs = a.indexOf("--runs");
    if (runs >= 0) plan = plan.withRuns(Integer.parseInt(a.get(runs + 1)));
    int only = a.indexOf("--only");
    List<String> workloads =
        only >= 0
            ? List.of(a.get(only + 1).toUpperCase().split(","))
            : List.of("W1", "W2", "W3", "W4", "W5", "W6", "L1", "C1", "C2", "C3", "S1");
    int sys = a.indexOf("--systems");
    List<Sut> suts =
        sys < 0
            ? List.of(Sut.values())
            : Arrays.stream(a.get(sys + 1).toUpperCase().split(",")).map(Sut::valueOf).toList();
    Path project = Path.of("").toAbsolutePath();
    Sut.requireBuilt(project);
    Path work = Files.createTempDirectory("switchboard-bench-");
    Progress.say("plan %s, workloads %s, logs in %s", plan.name(), workloads, work);
    long began = System.nanoTime();
    List<String> sections = new ArrayList<>();
    long inventory = plan.w2Records();
    try (BenchBroker broker = BenchBroker.start(work.resolve("kafka"));
        BenchSandbox sandbox =
            BenchSandbox.start(
                plan.w4Connections(),
                BenchEnv.realTokenLifetime(),
                inventory,
                plan.w5Customers(),
                plan.w6Devices(),
                plan.c1Records())) {
      BenchEnv env =
          new BenchEnv(
              broker, sandbox, project, work, plan.w4Connections(), BenchEnv.realTokenLifetime());
      boolean peered = workloads.stream().anyMatch(List.of("W1", "W2", "W5", "W6")::contains);
      boolean curves =
          suts.contains(Sut.SWITCHBOARD) && (workloads.contains("C1") || workloads.contains("C2"));
      if (peered || curves) {
        Map<Sut, ChildJvm> systems = new LinkedHashMap<>();
        try {
          // The cost curves measure Switchboard only: the peers are started for W1, W2, W5, W6.
          for (Sut s : peered ? suts : List.of(Sut.SWITCHBOARD))
            systems.put(s, s.start(env, plan.heap(), "w12-" + s.prefix));
          if (workloads.contains("W1")) sections.add(W1Commands.run(env, plan, systems));
          if (workloads.contains("W2")) sections.add(W2Ingestion.run(env, plan, systems));
          if (workloads.contains("W5")) sections.add(ListWorkload.w5(env, plan, systems));
          if (workloads.contains("W6")) sections.add(ListWorkload.w6(env, plan, systems));
          ChildJvm sb = systems.get(Sut.SWITCHBOARD);
          if (curves && workloads.contains("C1")) sections.add(C1Streams.run(env, plan, sb));
          if (curves && workloads.contains("C2")) sections.add(C2Connections.run(env, plan, sb));
        } finally {
          for (ChildJvm j : systems.values()) j.close();
        }
      }
      // Its two Switchboards, one at a time, once the JVMs above are closed.
      if (workloads.contains("L1") && suts.contains(Sut.SWITCHBOARD))
        sections.add(L1Ledger.run(env, plan));
      if (workloads.contains("W3")) sections.add(W3Memory.run(env, plan));
      if (workloads.contains("W4")) sections.add(W4LoginStorm.run(env, plan, suts));
    }
    // These start the distribution with its own embedded broker, as a user would.
    if (workloads.contains("C3")) sections.add(ScriptWorkloads.queuedMemory(project, plan));
    if (workloads.contains("S1")) sections.add(ScriptWorkloads.startup(project, plan));
    var results = Report.sections(plan, sections, (System.nanoTime() - began) / 60e9);
    results.values().forEach(System.out::println);
    // Smoke numbers only check the harness: never written over the real results.
    if (!a.contains("--no-write") && !a.contains("--smoke"))
      Report.write(project.resolve("docs/benchmarks.md"), results);
  }
}
