package dev.switchboard.sandbox.iqreseller;

import java.util.Map;

/**
 * A consistent-enough snapshot of the simulator's counters, for tests to assert on. Also served as
 * JSON by {@code GET /_sandbox/stats}. Keyed by tenant name, never by API key.
 *
 * @param sessionsCreated successful logins per tenant name
 * @param sessionsDeleted successful {@code DELETE Session} calls
 * @param activeSessions sessions alive now (expired ones are not counted)
 * @param dataCalls authenticated data calls per route, e.g. {@code "SO/JSON/GetSOs"}
 * @param unauthorized 401 responses served (expired/missing tokens, refused logins in 401 mode)
 * @param loginsRefused logins refused (unknown key or {@code invalidApiKey} scenario)
 * @param faultsInjected responses altered by a scenario (failPage, truncation, forced expiry,
 *     random faults)
 * @param faultsByKind faults of the scenario's {@code randomFaults} by kind: {@code serverError},
 *     {@code rateLimit}, {@code timeout} (IQ Reseller has no writes, so never {@code lostAnswer})
 */
public record IqResellerStats(
    Map<String, Long> sessionsCreated,
    long sessionsDeleted,
    int activeSessions,
    Map<String, Long> dataCalls,
    long unauthorized,
    long loginsRefused,
    long faultsInjected,
    Map<String, Long> faultsByKind) {

  public long sessionsCreated(String tenantName) {
    return sessionsCreated.getOrDefault(tenantName, 0L);
  }

  public long dataCalls(String route) {
    return dataCalls.getOrDefault(route, 0L);
  }

  /** Random faults of {@code kind} ({@code FaultDice.SERVER_ERROR}, ...) injected so far. */
  public long faults(String kind) {
    return faultsByKind.getOrDefault(kind, 0L);
  }

  public long totalDataCalls() {
    return dataCalls.values().stream().mapToLong(Long::longValue).sum();
  }
}
