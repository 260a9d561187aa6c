package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SessionTokens;
import dev.switchboard.sandbox.kit.TenantRegistry;
import java.util.Map;

/**
 * What authentication needs, shared by {@link AuthGate} and {@link AuthOperations}.
 *
 * @param tenants tenants by companyID or clientId
 * @param stores entity stores by entity id
 * @param loginTokens 1.1 session tokens, owned by companyID
 * @param appTokens 2.0 access and refresh tokens
 */
record AuthParts(
    TenantRegistry<TenantState> tenants,
    Map<String, EntityStore> stores,
    SessionTokens<String> loginTokens,
    AppTokens appTokens,
    AccountsIqSettings settings,
    StatsCounters counters) {}
