package dev.switchboard.sandbox.kit;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tenant at runtime, as far as its scenario goes: the scenario now in force, how often each of
 * its counted faults has fired, the calls made since it was set, and the draws of its random
 * faults. Setting a scenario restarts all of them, so a test that sets one starts from zero.
 * Providers extend it with the tenant's configuration and data. Thread-safe.
 *
 * @param <S> the simulator's scenario record
 */
public class ScenarioState<S> {
  private final S none;
  private volatile S scenario;
  private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final FaultDice.PerTenant dice = new FaultDice.PerTenant();

  /**
   * @param none the empty scenario, what null means
   */
  protected ScenarioState(S initial, S none) {
    this.none = Objects.requireNonNull(none, "none");
    this.scenario = initial == null ? none : initial;
  }

  public final S scenario() {
    return scenario;
  }

  /** Replaces the scenario (null: none) and restarts its fault counts, call count and draws. */
  public final void setScenario(S s) {
    scenario = s == null ? none : s;
    fired.clear();
    calls.set(0);
    dice.clear();
  }

  /** True if the fault {@code key} has fired fewer than {@code times} times; counts this firing. */
  public final boolean fire(String key, int times) {
    return fired.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() < times;
  }

  /** Counts one call; returns its number since the scenario was set (1 = first). */
  public final long nextCall() {
    return calls.incrementAndGet();
  }

  /** The draws of {@code faults} for this tenant, or null when it is null or cannot fire. */
  public final FaultDice dice(RandomFaults faults) {
    return dice.of(faults);
  }
}
