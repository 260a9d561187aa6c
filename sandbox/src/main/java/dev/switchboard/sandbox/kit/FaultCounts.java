package dev.switchboard.sandbox.kit;

import dev.switchboard.sandbox.FaultDice;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The faults a simulator injected: every answer a scenario altered ({@code faultsInjected} in the
 * stats), and those of the random mode by kind ({@code faultsByKind}). Thread-safe.
 */
public final class FaultCounts {
  private final LongAdder injected = new LongAdder();
  private final Tally<String> byKind = new Tally<>();

  /** An answer altered by a scenario. */
  public void injected() {
    injected.increment();
  }

  /**
   * A fault of the random mode, by kind ({@link FaultDice#SERVER_ERROR}...); also an injected one.
   */
  public void random(String kind) {
    byKind.add(kind);
    injected.increment();
  }

  public long injectedCount() {
    return injected.sum();
  }

  public Map<String, Long> byKind() {
    return byKind.snapshot();
  }
}
