package dev.switchboard.iqreseller;

import dev.switchboard.testing.ConnectorArchitectureRules;

class IqResellerArchitectureTest extends ConnectorArchitectureRules {
  @Override
  protected String connectorPackage() {
    return "dev.switchboard.iqreseller";
  }
}
