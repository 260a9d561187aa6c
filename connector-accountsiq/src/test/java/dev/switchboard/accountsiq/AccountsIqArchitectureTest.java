package dev.switchboard.accountsiq;

import dev.switchboard.testing.ConnectorArchitectureRules;

/** The architecture rules, for the connector ServiceLoader finds in this package. */
class AccountsIqArchitectureTest extends ConnectorArchitectureRules {}
