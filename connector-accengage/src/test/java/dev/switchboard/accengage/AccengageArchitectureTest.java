package dev.switchboard.accengage;

import dev.switchboard.testing.ConnectorArchitectureRules;

class AccengageArchitectureTest extends ConnectorArchitectureRules {
  @Override
  protected String connectorPackage() {
    return "dev.switchboard.accengage";
  }
}
