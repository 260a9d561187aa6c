package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.ScenarioState;
import dev.switchboard.sandbox.kit.TenantRegistry;

/** A tenant at runtime: its configuration and its scenario. */
final class TenantState extends ScenarioState<AccountsIqScenario> {
  final AccountsIqTenant config;

  TenantState(AccountsIqTenant config) {
    super(config.scenario(), AccountsIqScenario.none());
    this.config = config;
  }

  String key() {
    return config.key();
  }

  /** The tenant {@code key} if it authenticates as {@code kind}, else null. */
  static TenantState find(
      TenantRegistry<TenantState> tenants, String key, AccountsIqTenant.Kind kind) {
    TenantState t = tenants.find(key);
    return t != null && t.config.kind() == kind ? t : null;
  }
}
