package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.ScenarioState;

/** A tenant at runtime: its configuration, its generated dataset and its scenario. */
final class TenantState extends ScenarioState<IqResellerScenario> {
  final IqResellerTenant config;
  final IqResellerDataset data;

  TenantState(IqResellerTenant config) {
    super(config.scenario(), IqResellerScenario.none());
    this.config = config;
    this.data = new IqResellerDataset(config);
  }

  String name() {
    return config.name();
  }
}
