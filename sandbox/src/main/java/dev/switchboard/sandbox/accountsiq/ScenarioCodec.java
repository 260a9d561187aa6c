package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.ScenarioJson;

/** This simulator's scenario JSON (see {@link ScenarioJson}). */
final class ScenarioCodec {
  static final ScenarioJson<AccountsIqScenario> JSON = new ScenarioJson<>(AccountsIqScenario.class, AccountsIqScenario.none());

  private ScenarioCodec() {}
}
