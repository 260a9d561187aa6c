package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.ScenarioJson;

/** This simulator's scenario JSON (see {@link ScenarioJson}). */
final class ScenarioCodec {
  static final ScenarioJson<IqResellerScenario> JSON = new ScenarioJson<>(IqResellerScenario.class, IqResellerScenario.none());

  private ScenarioCodec() {}
}
