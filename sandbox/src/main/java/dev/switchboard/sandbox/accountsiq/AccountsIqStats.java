package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.WriteStats;
import java.util.List;
import java.util.Map;

/**
 * A consistent-enough snapshot of the simulator's counters, for tests to assert on. Also served as
 * JSON by {@code GET /_sandbox/stats}. Keyed by companyID, clientId or operation name; never by a
 * secret or a token.
 *
 * @param logins successful 1.1 Logins per companyID
 * @param loginsRefused 1.1 Logins refused (bad keys or the {@code refuseCredentials} scenario)
 * @param tokenGets successful 2.0 TokenGet per clientId
 * @param tokenRefreshes successful 2.0 TokenRefresh per clientId
 * @param tokenRequestsRefused TokenGet/TokenRefresh answered with a Failure
 * @param calls requests per operation that reached dispatch (including refused ones)
 * @param writesApplied writes that changed stored data, per operation
 * @param authFailures calls refused for an expired, invalid or missing token, entity or permission
 * @param soapFaults SOAP faults served (malformed requests and injected faults)
 * @param faultsInjected answers altered by a scenario (expiry, rate limit, fault, unknown code, XXE
 *     payload, dropped connection)
 * @param connectionsDropped connections closed without an answer ({@code dropConnectionAfterWrite})
 * @param recordsStreamed list records written by streamed list responses
 * @param activeLoginTokens 1.1 sessions alive now
 * @param activeAccessTokens 2.0 access tokens alive now
 * @param faultsByKind faults of the scenario's {@code randomFaults} by kind: {@code serverError},
 *     {@code rateLimit}, {@code timeout}, {@code lostAnswer}
 * @param distinctWritesApplied distinct writes among {@code writesApplied}, per operation: one
 *     write is one reference ({@code ExternalReference}, a receipt's {@code CheckReference}, a
 *     posted {@code invoiceID}, an account's {@code Code}; else the request body), so a write
 *     re-sent counts once here
 * @param writeAnswersLost applied writes whose answer was lost (random {@code lostAnswers} and
 *     {@code dropConnectionAfterWrite})
 * @param writesResentAfterLostAnswer write requests with the same operation and reference received
 *     after the answer of an earlier one was lost: blind re-sends (a look-up is not one)
 * @param lostWriteKeys the latest (at most 1,000) writes whose answer was lost, as {@code
 *     "<operation> <reference name> <reference>"}, e.g. {@code "SaveInvoiceGetBackInvoiceID
 *     ExternalReference inv-7"} (or a body digest instead)
 */
public record AccountsIqStats(
    Map<String, Long> logins,
    long loginsRefused,
    Map<String, Long> tokenGets,
    Map<String, Long> tokenRefreshes,
    long tokenRequestsRefused,
    Map<String, Long> calls,
    Map<String, Long> writesApplied,
    long authFailures,
    long soapFaults,
    long faultsInjected,
    long connectionsDropped,
    long recordsStreamed,
    int activeLoginTokens,
    int activeAccessTokens,
    Map<String, Long> faultsByKind,
    Map<String, Long> distinctWritesApplied,
    long writeAnswersLost,
    long writesResentAfterLostAnswer,
    List<String> lostWriteKeys)
    implements WriteStats {

  public long logins(String companyId) {
    return logins.getOrDefault(companyId, 0L);
  }

  public long tokenGets(String clientId) {
    return tokenGets.getOrDefault(clientId, 0L);
  }

  public long tokenRefreshes(String clientId) {
    return tokenRefreshes.getOrDefault(clientId, 0L);
  }

  public long calls(String operation) {
    return calls.getOrDefault(operation, 0L);
  }
}
