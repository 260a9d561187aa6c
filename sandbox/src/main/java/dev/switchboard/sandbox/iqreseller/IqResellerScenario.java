package dev.switchboard.sandbox.iqreseller;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.kit.Records;
import dev.switchboard.sandbox.kit.ScenarioJson;

/**
 * Faults and latency for one tenant, as data. Set per tenant (config, {@link
 * IqResellerSimulator#setScenario}, {@code PUT /_sandbox/scenarios/{apiKey}}) and overridable per
 * request with the header {@code x-sandbox-scenario: <this record as JSON>}; the header's non-null
 * members replace the tenant's. Every member is optional. JSON form:
 *
 * <pre>{@code
 * {"expireSessionAfterCalls": 3,
 *  "failPage": {"page": 2, "status": 500, "times": 1, "retryAfterSeconds": null},
 *  "latencyMs": 20,
 *  "slowPage": {"page": 40, "latencyMs": 3000},
 *  "truncateJsonOnPage": 5,
 *  "invalidApiKey": true,
 *  "randomFaults": {"seed": 7, "serverErrors": 0.10, "rateLimits": 0.05, "retryAfterSeconds": 1,
 *                   "timeouts": 0.03, "timeoutHoldMs": 1500}}
 * }</pre>
 *
 * <p>Page numbers here are ordinal and 1-based ("the first page is 1") whatever {@link
 * IqResellerSettings.PageBase} is in force; they apply to every paged list route. The deep-page
 * faults mirror what the main public client met in production: timeouts and intermittent failures
 * around page 40 (provider-apis.md §2.5).
 *
 * @param expireSessionAfterCalls the session dies after this many data calls; the next gets 401
 * @param failPage answer page {@code page} with {@code status} (default 500, body {@code
 *     {"Message":"An error has occurred."}}) the first {@code times} (default 1) times it is
 *     requested, per route; {@code retryAfterSeconds} adds a {@code Retry-After} header (for 429)
 * @param latencyMs added to every call of the tenant (login, logout, data)
 * @param slowPage added latency on one page
 * @param truncateJsonOnPage that page's body is cut mid-record: syntactically invalid
 * @param invalidApiKey login is refused as if the key were unknown
 * @param randomFaults a seeded share of calls (data calls, and logins unless {@code authCalls} is
 *     false; never logouts) answered 503 (or {@code serverErrorStatus}) with {@code {"Message":"An
 *     error has occurred."}} (the §2.6 fault ASSUMPTION), 429 with {@code Retry-After}, or held
 *     past the client's timeout and dropped; see {@link RandomFaults}. IQ Reseller has no write
 *     route, so {@code lostAnswers} has nothing to act on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IqResellerScenario(
    Integer expireSessionAfterCalls,
    FailPage failPage,
    Long latencyMs,
    SlowPage slowPage,
    Integer truncateJsonOnPage,
    Boolean invalidApiKey,
    RandomFaults randomFaults) {

  private static final IqResellerScenario NONE =
      new IqResellerScenario(null, null, null, null, null, null, null);

  /** The JSON form, from the control API or the {@code x-sandbox-scenario} header. */
  static final ScenarioJson<IqResellerScenario> JSON =
      new ScenarioJson<>(IqResellerScenario.class, NONE);

  /** The scenario without random faults (the members it had before they existed). */
  public IqResellerScenario(
      Integer expireSessionAfterCalls,
      FailPage failPage,
      Long latencyMs,
      SlowPage slowPage,
      Integer truncateJsonOnPage,
      Boolean invalidApiKey) {
    this(
        expireSessionAfterCalls,
        failPage,
        latencyMs,
        slowPage,
        truncateJsonOnPage,
        invalidApiKey,
        null);
  }

  /** Inject {@code status} on page {@code page} the first {@code times} times. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FailPage(int page, Integer status, Integer times, Integer retryAfterSeconds) {
    public FailPage {
      status = status == null ? 500 : status;
      times = times == null ? 1 : times;
    }
  }

  /** Delay page {@code page} by {@code latencyMs}. */
  public record SlowPage(int page, long latencyMs) {}

  public static IqResellerScenario none() {
    return NONE;
  }

  /** This scenario with every non-null member of {@code override} taking precedence. */
  public IqResellerScenario overriddenBy(IqResellerScenario override) {
    return Records.overlay(this, override);
  }

  public IqResellerScenario withExpireSessionAfterCalls(int calls) {
    return Records.with(this, "expireSessionAfterCalls", calls);
  }

  public IqResellerScenario withFailPage(int page, int status, int times) {
    return Records.with(this, "failPage", new FailPage(page, status, times, null));
  }

  public IqResellerScenario withLatencyMs(long ms) {
    return Records.with(this, "latencyMs", ms);
  }

  public IqResellerScenario withSlowPage(int page, long ms) {
    return Records.with(this, "slowPage", new SlowPage(page, ms));
  }

  public IqResellerScenario withTruncateJsonOnPage(int page) {
    return Records.with(this, "truncateJsonOnPage", page);
  }

  public IqResellerScenario withInvalidApiKey(boolean invalid) {
    return Records.with(this, "invalidApiKey", invalid);
  }

  /** The seeded probabilistic fault mode (null: none). */
  public IqResellerScenario withRandomFaults(RandomFaults faults) {
    return Records.with(this, "randomFaults", faults);
  }

  /** Total added latency for a call on ordinal page {@code page} (null for unpaged calls). */
  long delayMsFor(Integer page) {
    long ms = latencyMs == null ? 0 : latencyMs;
    if (slowPage != null && page != null && slowPage.page() == page) ms += slowPage.latencyMs();
    return Math.max(0, ms);
  }

  boolean truncates(Integer page) {
    return truncateJsonOnPage != null && page != null && truncateJsonOnPage.intValue() == page;
  }

  boolean refusesLogin() {
    return Boolean.TRUE.equals(invalidApiKey);
  }
}
