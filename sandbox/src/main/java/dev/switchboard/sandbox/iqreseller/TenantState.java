package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.FaultDice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A tenant at runtime: its generated dataset, current scenario and scenario bookkeeping. */
final class TenantState {
  final IqResellerTenant config;
  final IqResellerDataset data;
  private volatile IqResellerScenario scenario;
  /** How often each (route, page) fault has fired, so {@code failPage.times} is honoured. */
  private final Map<String, AtomicInteger> faultsFired = new ConcurrentHashMap<>();
  /** The draws of the scenario's {@code randomFaults}, restarted when the scenario is set. */
  final FaultDice.PerTenant dice = new FaultDice.PerTenant();

  TenantState(IqResellerTenant config) {
    this.config = config;
    this.data = new IqResellerDataset(config);
    this.scenario = config.scenario();
  }

  String name() {
    return config.name();
  }

  IqResellerScenario scenario() {
    return scenario;
  }

  /** Replaces the scenario and forgets how often its faults fired. */
  void setScenario(IqResellerScenario s) {
    scenario = s == null ? IqResellerScenario.none() : s;
    faultsFired.clear();
    dice.clear();
  }

  /** True if {@code fault} should still fire for this route; counts the firing. */
  boolean fireFault(IqResellerScenario.FailPage fault, String route) {
    String key = route + '#' + fault.page() + '#' + fault.status();
    return faultsFired.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() < fault.times();
  }
}
