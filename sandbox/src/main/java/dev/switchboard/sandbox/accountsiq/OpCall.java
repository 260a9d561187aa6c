package dev.switchboard.sandbox.accountsiq;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One authenticated call, as an operation handler sees it.
 *
 * @param op the operation
 * @param version the endpoint it came in on
 * @param request the body's operation element ({@code <GetCustomer>...})
 * @param tenant the caller (null only for a credentials operation with unknown credentials)
 * @param store the entity's ledgers (null for credentials operations)
 * @param scenario the effective scenario (tenant's overridden by the request header)
 * @param settings simulator settings
 * @param clock the injected clock
 */
record OpCall(
    SoapOperation op,
    ApiVersion version,
    XmlNode request,
    TenantState tenant,
    EntityStore store,
    AccountsIqScenario scenario,
    AccountsIqSettings settings,
    Clock clock) {

  /** Entity-local now (entity-local time is UTC in the simulator). */
  LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Generated customers visible to this call ({@code customerCount} scenario or the entity size).
   */
  long customerCount() {
    Integer n = scenario.customerCount();
    return n != null ? n : store.entity.customers();
  }
}
