package dev.switchboard.iqreseller;

import dev.switchboard.testing.ConnectorArchitectureRules;

/** The architecture rules, for the connector ServiceLoader finds in this package. */
class IqResellerArchitectureTest extends ConnectorArchitectureRules {}
