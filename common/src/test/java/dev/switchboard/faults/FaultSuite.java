package dev.switchboard.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Sizes and reporting of the fault-injection suite. {@code mvn verify} runs the CI size; the {@code
 * faults} profile ({@code -Pfaults}, system property {@code switchboard.faults=full}) runs the
 * sizes the figures in docs/reliability.md come from. Each test prints one {@code FAULT-SUITE} line
 * and appends it to {@code target/fault-suite.txt}.
 */
final class FaultSuite {
  static final boolean FULL = "full".equals(System.getProperty("switchboard.faults"));

  private FaultSuite() {}

  static int size(int ci, int full) {
    return FULL ? full : ci;
  }

  /** Duplicate applications of writes: applied minus distinct keys applied. */
  static long duplicateWrites(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(c -> c - 1).sum();
  }

  static void report(String scenario, Object... fields) throws IOException {
    StringBuilder line =
        new StringBuilder("FAULT-SUITE scenario=")
            .append(scenario)
            .append(" size=")
            .append(FULL ? "full" : "ci");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      line.append(' ').append(fields[i]).append('=').append(fields[i + 1]);
    }
    System.out.println(line);
    Path out = Path.of("target", "fault-suite.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
