package dev.switchboard.sandbox.kit;

import java.util.Map;

/**
 * The part of a simulator's stats that counts injected faults and applied writes, with the
 * questions tests ask of it. A stats record implements it by having these components.
 */
public interface WriteStats {
  /** Faults of the scenario's {@code randomFaults} by kind ({@code serverError}, ...). */
  Map<String, Long> faultsByKind();

  /** Writes that changed stored data, per route or operation. */
  Map<String, Long> writesApplied();

  /** Distinct writes among {@link #writesApplied()}: the same write re-sent counts once. */
  Map<String, Long> distinctWritesApplied();

  /** Random faults of {@code kind} ({@code FaultDice.SERVER_ERROR}, ...) injected so far. */
  default long faults(String kind) {
    return faultsByKind().getOrDefault(kind, 0L);
  }

  default long writesApplied(String routeOrOperation) {
    return writesApplied().getOrDefault(routeOrOperation, 0L);
  }

  default long totalWritesApplied() {
    return writesApplied().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Applied writes beyond the first of each distinct write: applied − distinct applied. */
  default long duplicateWrites() {
    return totalWritesApplied()
        - distinctWritesApplied().values().stream().mapToLong(Long::longValue).sum();
  }
}
