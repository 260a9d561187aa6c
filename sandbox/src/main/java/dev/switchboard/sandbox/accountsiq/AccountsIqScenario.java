package dev.switchboard.sandbox.accountsiq;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.kit.Records;
import dev.switchboard.sandbox.kit.ScenarioJson;
import java.util.Objects;

/**
 * Faults, latency and data size for one tenant, as data. A tenant is a 1.1 companyID or a 2.0
 * clientId. Set per tenant (config, {@link AccountsIqSimulator#setScenario}, {@code PUT
 * /_sandbox/scenarios/{tenant}}) and overridable per request with the header {@code
 * x-sandbox-scenario: <this record as JSON>}; the header's non-null members replace the tenant's.
 * Every member is optional. {@code operation} is a SOAP operation name or {@code "*"} (any but
 * Login/TokenGet/TokenRefresh, which must be named); {@code times} defaults to 1 and counts per
 * tenant until the scenario is replaced. JSON form:
 *
 * <pre>{@code
 * {"expireTokenAfterCalls": 3,
 *  "dropConnectionAfterWrite": {"operation": "SaveInvoiceGetBackInvoiceID", "times": 1},
 *  "rateLimit": {"times": 2},
 *  "latencyMs": 20,
 *  "slowOperation": {"operation": "GetCustomerList", "latencyMs": 3000},
 *  "customerCount": 100000,
 *  "unknownErrorCode": {"operation": "GetCustomer", "code": "SOMETHING_NEW_2027"},
 *  "soapFault": {"operation": "GetInvoicesBy", "times": 1},
 *  "xxePayload": {"operation": "GetCustomer"},
 *  "refuseCredentials": true,
 *  "randomFaults": {"seed": 7, "serverErrors": 0.10, "rateLimits": 0.05, "timeouts": 0.03,
 *                   "timeoutHoldMs": 1500, "lostAnswers": 0.05}}
 * }</pre>
 *
 * @param expireTokenAfterCalls the 1.1 session or 2.0 access token dies after this many calls; the
 *     next call gets the expired answer ({@code HasExpired=true})
 * @param dropConnectionAfterWrite APPLY the operation, then close the TCP connection without an
 *     answer: the client cannot know the outcome and must look the record up (by ExternalReference)
 * @param rateLimit the next {@code times} calls (of {@code operation} if set; Login, TokenGet and
 *     TokenRefresh only when named) answer HTTP 200 {@code Failure}/{@code
 *     OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED} (ASSUMPTION, §1.9)
 * @param latencyMs added to every call of the tenant, with a timer
 * @param slowOperation added latency on one operation
 * @param customerCount generated customers seen by the tenant (e.g. 100,000 to test streaming)
 * @param unknownErrorCode answer {@code Failure} with an ErrorCode in no published list, to test a
 *     connector's UNRECOGNISED fallback; nothing is applied
 * @param soapFault answer HTTP 500 {@code soap:Server}; nothing is applied
 * @param xxePayload answer HTTP 200 whose body declares a DOCTYPE with an external entity; the
 *     client must refuse to parse it; nothing is applied
 * @param refuseCredentials Login/TokenGet refuse the tenant's (correct) credentials
 * @param randomFaults a seeded share of the tenant's calls (Login, TokenGet and TokenRefresh too
 *     unless {@code authCalls} is false), after authentication: HTTP 500 {@code soap:Server} (ASMX,
 *     LIKELY, §1.5), in-band {@code Failure}/{@code OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED} (the
 *     §1.9 ASSUMPTION; no {@code Retry-After}, {@code serverErrorStatus} and {@code
 *     retryAfterSeconds} are not used), or no answer in time (held, then dropped), none of them
 *     applied; and a share of applied writes whose connection is closed after the write, as {@code
 *     dropConnectionAfterWrite} does. See {@link RandomFaults}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountsIqScenario(
    Integer expireTokenAfterCalls,
    OperationFault dropConnectionAfterWrite,
    RateLimit rateLimit,
    Long latencyMs,
    SlowOperation slowOperation,
    Integer customerCount,
    UnknownErrorCode unknownErrorCode,
    OperationFault soapFault,
    OperationFault xxePayload,
    Boolean refuseCredentials,
    RandomFaults randomFaults) {

  private static final AccountsIqScenario NONE =
      new AccountsIqScenario(null, null, null, null, null, null, null, null, null, null, null);

  /** The JSON form, from the control API or the {@code x-sandbox-scenario} header. */
  static final ScenarioJson<AccountsIqScenario> JSON =
      new ScenarioJson<>(AccountsIqScenario.class, NONE);

  /** The scenario without random faults (the members it had before they existed). */
  public AccountsIqScenario(
      Integer expireTokenAfterCalls,
      OperationFault dropConnectionAfterWrite,
      RateLimit rateLimit,
      Long latencyMs,
      SlowOperation slowOperation,
      Integer customerCount,
      UnknownErrorCode unknownErrorCode,
      OperationFault soapFault,
      OperationFault xxePayload,
      Boolean refuseCredentials) {
    this(
        expireTokenAfterCalls,
        dropConnectionAfterWrite,
        rateLimit,
        latencyMs,
        slowOperation,
        customerCount,
        unknownErrorCode,
        soapFault,
        xxePayload,
        refuseCredentials,
        null);
  }

  /** A fault on {@code operation} ({@code "*"} = any) the first {@code times} (default 1) times. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OperationFault(String operation, Integer times) {
    public OperationFault {
      Objects.requireNonNull(operation, "operation");
      times = times == null ? 1 : times;
    }
  }

  /** Rate-limit the next {@code times} (default 1) calls, of {@code operation} if set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RateLimit(Integer times, String operation) {
    public RateLimit {
      times = times == null ? 1 : times;
    }
  }

  /** Delay {@code operation} by {@code latencyMs}. */
  public record SlowOperation(String operation, long latencyMs) {
    public SlowOperation {
      Objects.requireNonNull(operation, "operation");
    }
  }

  /** Answer {@code operation} with ErrorCode {@code code} (default {@code SOMETHING_NEW_2027}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UnknownErrorCode(String operation, String code, Integer times) {
    public UnknownErrorCode {
      Objects.requireNonNull(operation, "operation");
      code = code == null ? "SOMETHING_NEW_2027" : code;
      times = times == null ? 1 : times;
    }
  }

  public AccountsIqScenario {
    if (customerCount != null
        && (customerCount < 0 || customerCount > AccountsIqEntity.MAX_CUSTOMERS)) {
      throw new IllegalArgumentException("customerCount out of range: " + customerCount);
    }
  }

  public static AccountsIqScenario none() {
    return NONE;
  }

  /** This scenario with every non-null member of {@code o} taking precedence. */
  public AccountsIqScenario overriddenBy(AccountsIqScenario o) {
    return Records.overlay(this, o);
  }

  public AccountsIqScenario withExpireTokenAfterCalls(int calls) {
    return Records.with(this, "expireTokenAfterCalls", calls);
  }

  public AccountsIqScenario withDropConnectionAfterWrite(String operation, int times) {
    return Records.with(this, "dropConnectionAfterWrite", new OperationFault(operation, times));
  }

  public AccountsIqScenario withRateLimit(int times) {
    return Records.with(this, "rateLimit", new RateLimit(times, null));
  }

  public AccountsIqScenario withLatencyMs(long ms) {
    return Records.with(this, "latencyMs", ms);
  }

  public AccountsIqScenario withSlowOperation(String operation, long ms) {
    return Records.with(this, "slowOperation", new SlowOperation(operation, ms));
  }

  public AccountsIqScenario withCustomerCount(int n) {
    return Records.with(this, "customerCount", n);
  }

  public AccountsIqScenario withUnknownErrorCode(String operation, String code) {
    return Records.with(this, "unknownErrorCode", new UnknownErrorCode(operation, code, null));
  }

  public AccountsIqScenario withSoapFault(String operation, int times) {
    return Records.with(this, "soapFault", new OperationFault(operation, times));
  }

  public AccountsIqScenario withXxePayload(String operation) {
    return Records.with(this, "xxePayload", new OperationFault(operation, null));
  }

  public AccountsIqScenario withRefuseCredentials(boolean refuse) {
    return Records.with(this, "refuseCredentials", refuse);
  }

  /** The seeded probabilistic fault mode (null: none). */
  public AccountsIqScenario withRandomFaults(RandomFaults faults) {
    return Records.with(this, "randomFaults", faults);
  }

  /** Added latency for a call of {@code operation}. */
  long delayMsFor(String operation) {
    long ms = latencyMs == null ? 0 : latencyMs;
    if (slowOperation != null && slowOperation.operation().equals(operation))
      ms += slowOperation.latencyMs();
    return Math.max(0, ms);
  }

  boolean refusesCredentials() {
    return Boolean.TRUE.equals(refuseCredentials);
  }
}
