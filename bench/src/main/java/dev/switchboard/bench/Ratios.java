package dev.switchboard.bench;

import java.util.List;
import java.util.Map;

/**
 * Switchboard against each peer, computed run by run (both measured in the same run, minutes apart
 * on the same broker and sandbox), then summarised as median (min–max) over the runs.
 */
final class Ratios {
  private Ratios() {}

  static String describe(Map<Sut, W1Commands.Measures> m) {
    W1Commands.Measures sb = m.get(Sut.SWITCHBOARD);
    if (sb == null) return "";
    StringBuilder b = new StringBuilder();
    for (Sut peer : m.keySet()) {
      if (peer == Sut.SWITCHBOARD) continue;
      W1Commands.Measures p = m.get(peer);
      Samples tput = ratio(sb.throughputByRun, p.throughputByRun);
      Samples cpu = ratio(sb.cpuByRun, p.cpuByRun);
      b.append("- Switchboard ÷ ")
          .append(peer.label)
          .append(": throughput ×")
          .append(tput.show(2))
          .append(", CPU per command ×")
          .append(cpu.show(2))
          .append('\n');
    }
    return b.toString();
  }

  /** Per-run a[i] / b[i]. */
  static Samples ratio(List<Double> a, List<Double> b) {
    Samples s = new Samples();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) s.add(a.get(i) / b.get(i));
    return s;
  }
}
