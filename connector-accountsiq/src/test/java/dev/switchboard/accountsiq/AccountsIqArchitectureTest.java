package dev.switchboard.accountsiq;

import dev.switchboard.testing.ConnectorArchitectureRules;

class AccountsIqArchitectureTest extends ConnectorArchitectureRules {
  @Override
  protected String connectorPackage() {
    return "dev.switchboard.accountsiq";
  }
}
