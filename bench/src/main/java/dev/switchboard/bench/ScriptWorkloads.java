package dev.switchboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurements made by running the shipped distribution from a shell script, each printing one
 * Markdown table: C3, memory with commands queued ({@code bench/queued-memory.sh}), and S1,
 * start-up ({@code bench/startup.sh}). They start their own embedded broker and sandbox, as a
 * user's {@code switchboard run} does, so they run after the shared broker is gone.
 */
final class ScriptWorkloads {
  private ScriptWorkloads() {}

  static String queuedMemory(Path project, BenchPlan plan) throws Exception {
    List<String> sizes =
        plan.name().equals("smoke")
            ? List.of("2000", "10000")
            : List.of("10000", "100000", "1000000");
    Progress.say("C3 queued commands %s", sizes);
    List<String> cmd = new ArrayList<>(List.of("bench/queued-memory.sh"));
    cmd.addAll(sizes);
    return "### C3 — commands queued in Kafka\n\n"
        + "N `inventory.count` commands published at once to a `switchboard run` of the"
        + " distribution with its default JVM settings, the provider answering each call in 1 s;"
        + " heap used and peak RSS (VmHWM, including the embedded broker and the simulators in"
        + " the same JVM) 15 s after the N-th command was published. The intake pauses a"
        + " partition at `queueHighWater` records, so memory must not grow with N. One run per"
        + " size (a high-water mark, not a rate).\n\n"
        + run(project, cmd);
  }

  static String startup(Path project, BenchPlan plan) throws Exception {
    int runs = Math.max(3, plan.runs());
    Progress.say("S1 start-up, %d runs", runs);
    return "## S1 — start-up\n\n"
        + "From starting the distribution's `bin/switchboard run` to `/ready`, and to the first"
        + " answered command (`switchboard send iqreseller inventory.count`, whose own JVM start"
        + " is included): with the embedded broker and sandbox (no configuration), and with a"
        + " broker already running. Median (min–max) of "
        + runs
        + " starts.\n\n"
        + run(project, List.of("bench/startup.sh", String.valueOf(runs)));
  }

  /** Runs a script from the project root; its standard output is the table. */
  private static String run(Path project, List<String> cmd) throws Exception {
    Process p =
        new ProcessBuilder(cmd)
            .directory(project.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0 || !out.startsWith("|")) {
      throw new IOException(cmd + " failed (exit " + p.exitValue() + ")");
    }
    return out.strip() + "\n";
  }
}
