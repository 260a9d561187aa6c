package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.FaultDice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A user at runtime: its dataset, current scenario, and the bookkeeping its faults need. */
final class UserState {
  final AccengageUser config;
  final AccengageDataset data;
  private volatile AccengageScenario scenario;
  /** Authenticated calls since the scenario was set: call faults are matched against this. */
  private final AtomicLong calls = new AtomicLong();
  /** How often each (fault, route, page) has fired, so {@code times} is honoured. */
  private final Map<String, AtomicInteger> faultsFired = new ConcurrentHashMap<>();
  /** The draws of the scenario's {@code randomFaults}, restarted when the scenario is set. */
  final FaultDice.PerTenant dice = new FaultDice.PerTenant();

  UserState(AccengageUser config) {
    this.config = config;
    this.data = new AccengageDataset(config);
    this.scenario = config.scenario();
  }

  String email() {
    return config.email();
  }

  AccengageScenario scenario() {
    return scenario;
  }

  /** Replaces the scenario and restarts the call count and the fault counters. */
  void setScenario(AccengageScenario s) {
    scenario = s == null ? AccengageScenario.none() : s;
    calls.set(0);
    faultsFired.clear();
    dice.clear();
  }

  /** Counts one authenticated call; returns its number (1 = first since the scenario was set). */
  long nextCall() {
    return calls.incrementAndGet();
  }

  /** True if the fault {@code key} should still fire (fewer than {@code times} firings); counts it. */
  boolean fire(String key, int times) {
    return faultsFired.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() < times;
  }
}
