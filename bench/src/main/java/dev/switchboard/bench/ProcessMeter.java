package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child JVM cost, read from Linux's {@code /proc} and the JVM's own GC log, so every system
 * under test is measured the same way from outside.
 */
final class ProcessMeter {
  /** USER_HZ; 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
  private static final double TICKS_PER_SECOND = 100.0;

  // "[12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(128M) 3.2ms"
  private static final Pattern PAUSE =
      Pattern.compile("GC\\(\\d+\\) Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private ProcessMeter() {}

  /** User + system CPU seconds the process has used so far (all threads). */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read CPU time of " + pid, e);
    }
  }

  /** Peak resident set size (VmHWM) in MiB since the process started. */
  static double peakRssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read memory of " + pid, e);
    }
    throw new IllegalStateException("no VmHWM for " + pid);
  }

  /** Heap use from the GC log: the highest occupancy before a collection and after one. */
  record HeapPeaks(double beforeGcMiB, double afterGcMiB, int collections) {}

  static HeapPeaks heapPeaks(Path gcLog) {
    double before = 0;
    double after = 0;
    int count = 0;
    try {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = PAUSE.matcher(line);
        if (!m.find()) continue;
        count++;
        before = Math.max(before, mib(m.group(1), m.group(2)));
        after = Math.max(after, mib(m.group(3), m.group(4)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + gcLog, e);
    }
    return new HeapPeaks(before, after, count);
  }

  private static double mib(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "K" -> v / 1024;
      case "G" -> v * 1024;
      default -> v;
    };
  }
}
