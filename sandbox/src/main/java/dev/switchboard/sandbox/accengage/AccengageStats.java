package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.kit.WriteStats;
import java.util.List;
import java.util.Map;

/**
 * A consistent-enough snapshot of the simulator's counters, for tests to assert on. Also served as
 * JSON by {@code GET /_sandbox/stats}. Keyed by user email, never by API key or token. Route names
 * are {@code "<METHOD> <template>"}, e.g. {@code "GET /v1/me/apps/{partnerId}/devices"}.
 *
 * @param tokensIssued access tokens issued per user email
 * @param activeTokens tokens neither expired nor revoked now
 * @param signatureFailures requests answered 400 {@code API_ERR_SIGNATURE}
 * @param tokenFailures {@code API_ERR_TOKEN} answers by HTTP status (400 invalid, 401 expired, 403
 *     none)
 * @param requests requests received per route, whatever their outcome (0 proves nothing reached it)
 * @param calls requests per route that passed signature and token checks
 * @param unknownRoutes requests answered 404 {@code API_ERR_UNKNOW_ROUTE}
 * @param forbidden requests answered 403 {@code API_ERR_FORBIDDEN}
 * @param rateLimited 429 answers served
 * @param serverErrors injected 500 answers by label
 * @param expectContinueRejected requests with {@code Expect: 100-continue} answered 417
 * @param faultsInjected answers altered by a scenario (429, 500, forced expiry, forced format
 *     errors)
 * @param signatures per route, the distinct ({@code Accengage-Time}, {@code Accengage-Signature})
 *     pairs seen, oldest first, at most {@value #SIGNATURES_KEPT_PER_ROUTE} (the newest)
 * @param faultsByKind faults of the scenario's {@code randomFaults} by kind: {@code serverError},
 *     {@code rateLimit}, {@code timeout}, {@code lostAnswer}
 * @param writesApplied writes that changed stored data, per route ({@code POST .../messages}
 *     created a message, {@code POST .../send} queued a push)
 * @param distinctWritesApplied distinct writes among them, per route: one write is one route, path
 *     and body (byte for byte), so the same command re-sent counts once here
 * @param writeAnswersLost applied writes whose answer was lost ({@code randomFaults.lostAnswers})
 * @param writesResentAfterLostAnswer write requests received again (same route, path and body)
 *     after the answer of an earlier one was lost: blind re-sends
 * @param lostWriteKeys the latest (at most 1,000) writes whose answer was lost, as {@code "<route>
 *     <path> <sha-256 of the body>"}
 */
public record AccengageStats(
    Map<String, Long> tokensIssued,
    int activeTokens,
    long signatureFailures,
    Map<Integer, Long> tokenFailures,
    Map<String, Long> requests,
    Map<String, Long> calls,
    long unknownRoutes,
    long forbidden,
    long rateLimited,
    Map<String, Long> serverErrors,
    long expectContinueRejected,
    long faultsInjected,
    Map<String, List<SignatureSeen>> signatures,
    Map<String, Long> faultsByKind,
    Map<String, Long> writesApplied,
    Map<String, Long> distinctWritesApplied,
    long writeAnswersLost,
    long writesResentAfterLostAnswer,
    List<String> lostWriteKeys)
    implements WriteStats {

  public static final int SIGNATURES_KEPT_PER_ROUTE = 1_000;

  /**
   * One signed request as seen on the wire.
   *
   * @param time the {@code Accengage-Time} header, verbatim
   * @param signature the {@code Accengage-Signature} header, verbatim
   * @param verified the signature was checked against the user's API key and matched (false when it
   *     did not match or no user could be identified)
   */
  public record SignatureSeen(String time, String signature, boolean verified) {}

  public long tokensIssued(String email) {
    return tokensIssued.getOrDefault(email, 0L);
  }

  public long tokenFailures(int status) {
    return tokenFailures.getOrDefault(status, 0L);
  }

  public long requests(String route) {
    return requests.getOrDefault(route, 0L);
  }

  public long calls(String route) {
    return calls.getOrDefault(route, 0L);
  }

  public long serverErrors(String label) {
    return serverErrors.getOrDefault(label, 0L);
  }

  public List<SignatureSeen> signatures(String route) {
    return signatures.getOrDefault(route, List.of());
  }
}
