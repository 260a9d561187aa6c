package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.FaultDice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A tenant at runtime: its config, current scenario and how often each scenario fault fired. */
final class TenantState {
  final AccountsIqTenant config;
  private volatile AccountsIqScenario scenario;
  private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
  /** The draws of the scenario's {@code randomFaults}, restarted when the scenario is set. */
  final FaultDice.PerTenant dice = new FaultDice.PerTenant();

  TenantState(AccountsIqTenant config) {
    this.config = config;
    this.scenario = config.scenario();
  }

  String key() {
    return config.key();
  }

  AccountsIqScenario scenario() {
    return scenario;
  }

  /** Replaces the scenario and forgets how often its faults fired. */
  void setScenario(AccountsIqScenario s) {
    scenario = s == null ? AccountsIqScenario.none() : s;
    fired.clear();
    dice.clear();
  }

  /** True if fault {@code kind} on {@code operation} should still fire ({@code times}); counts it. */
  boolean fire(String kind, String operation, int times) {
    return fired.computeIfAbsent(kind + '#' + operation, k -> new AtomicInteger()).getAndIncrement() < times;
  }
}
