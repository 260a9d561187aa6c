package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.kit.ScenarioState;

/** A user at runtime: its configuration, its dataset and its scenario. */
final class UserState extends ScenarioState<AccengageScenario> {
  final AccengageUser config;
  final AccengageDataset data;

  UserState(AccengageUser config) {
    super(config.scenario(), AccengageScenario.none());
    this.config = config;
    this.data = new AccengageDataset(config);
  }

  String email() {
    return config.email();
  }
}
