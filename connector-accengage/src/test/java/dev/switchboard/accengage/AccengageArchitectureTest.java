package dev.switchboard.accengage;

import dev.switchboard.testing.ConnectorArchitectureRules;

/** The architecture rules, for the connector ServiceLoader finds in this package. */
class AccengageArchitectureTest extends ConnectorArchitectureRules {}
