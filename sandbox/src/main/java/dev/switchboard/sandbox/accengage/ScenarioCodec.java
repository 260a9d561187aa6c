package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.ScenarioJson;

/** This simulator's scenario JSON (see {@link ScenarioJson}). */
final class ScenarioCodec {
  static final ScenarioJson<AccengageScenario> JSON = new ScenarioJson<>(AccengageScenario.class, AccengageScenario.none());

  private ScenarioCodec() {}
}
