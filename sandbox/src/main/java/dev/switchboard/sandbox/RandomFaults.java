package dev.switchboard.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.sandbox.kit.Records;

/**
 * A seeded, probabilistic fault mode, as scenario data: the member {@code randomFaults} of every
 * simulator's scenario. Each provider call of the tenant draws once: a fraction is answered with a
 * server error, a fraction is throttled, a fraction times out (the answer is held past the client's
 * request timeout, then the connection is closed without one); the rest are served. Every write the
 * call then <em>applies</em> draws once more: a fraction of applied writes lose their answer (the
 * connection is closed right after the write). Nothing is applied when a call is faulted before it
 * runs (server error, throttling, timeout).
 *
 * <p>How each simulator answers (provider-apis.md): IQ Reseller and Accengage answer a server error
 * with {@code serverErrorStatus} (default 503) and throttling with HTTP 429 and {@code Retry-After:
 * retryAfterSeconds} (an ASSUMPTION for both, §2.6 and §3.5). The server error's body: IQ Reseller
 * {@code {"Message":"An error has occurred."}} (§2.6); Accengage, for 500, the documented {@code
 * {"errors":[{"label":"API_ERR_SERVICE",…}]}} (§3.5), for any other status the plain-text page of a
 * load balancer in front of the API (no label, so the status decides). AccountsIQ answers a server
 * error with HTTP 500 and a {@code soap:Server} fault (ASMX, LIKELY, §1.5; {@code
 * serverErrorStatus} is not used) and throttling in band, HTTP 200 with {@code Failure}/{@code
 * OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED} (the ASSUMPTION of §1.9, so there is no {@code
 * Retry-After} there). IQ Reseller has no write route: {@code lostAnswers} never fires on it.
 *
 * <p>The draws come from one random stream per tenant (user, for Accengage) and fault mode, seeded
 * with {@code seed} and restarted whenever the tenant's scenario is set; with concurrent requests
 * the order in which calls draw varies, the fractions do not. JSON form (every member optional;
 * fractions are between 0 and 1 and the three call faults add up to at most 1):
 *
 * <pre>{@code
 * {"seed": 7, "serverErrors": 0.10, "serverErrorStatus": 503, "rateLimits": 0.05,
 *  "retryAfterSeconds": 1, "timeouts": 0.03, "timeoutHoldMs": 1500, "lostAnswers": 0.05,
 *  "authCalls": true}
 * }</pre>
 *
 * @param seed seed of the draws (default 0)
 * @param serverErrors fraction of calls answered with a server error (default 0)
 * @param serverErrorStatus the REST simulators' status for it, 500–599 (default 503)
 * @param rateLimits fraction of calls throttled (default 0)
 * @param retryAfterSeconds the REST simulators' {@code Retry-After}, in seconds (default 1)
 * @param timeouts fraction of calls that get no answer in time (default 0)
 * @param timeoutHoldMs how long such a call is held before its connection is closed; must be longer
 *     than the client's request timeout (default 125,000 ms: past every connector's default, 60 s
 *     for IQ Reseller and Accengage, 120 s for AccountsIQ)
 * @param lostAnswers fraction of applied writes whose answer is lost (default 0)
 * @param authCalls whether logins and token requests draw too (default true); logouts never do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RandomFaults(
    Long seed,
    Double serverErrors,
    Integer serverErrorStatus,
    Double rateLimits,
    Integer retryAfterSeconds,
    Double timeouts,
    Long timeoutHoldMs,
    Double lostAnswers,
    Boolean authCalls) {

  /** The default hold of a timed-out call: past every connector's default request timeout. */
  public static final long DEFAULT_TIMEOUT_HOLD_MS = 125_000;

  public RandomFaults {
    seed = seed == null ? 0L : seed;
    serverErrors = fraction(serverErrors, "serverErrors");
    serverErrorStatus = serverErrorStatus == null ? 503 : serverErrorStatus;
    rateLimits = fraction(rateLimits, "rateLimits");
    retryAfterSeconds = retryAfterSeconds == null ? 1 : retryAfterSeconds;
    timeouts = fraction(timeouts, "timeouts");
    timeoutHoldMs = timeoutHoldMs == null ? DEFAULT_TIMEOUT_HOLD_MS : timeoutHoldMs;
    lostAnswers = fraction(lostAnswers, "lostAnswers");
    authCalls = authCalls == null || authCalls;
    if (serverErrorStatus < 500 || serverErrorStatus > 599) {
      throw new IllegalArgumentException("randomFaults.serverErrorStatus must be 500..599");
    }
    if (retryAfterSeconds < 0)
      throw new IllegalArgumentException("randomFaults.retryAfterSeconds must be >= 0");
    if (timeoutHoldMs < 0)
      throw new IllegalArgumentException("randomFaults.timeoutHoldMs must be >= 0");
    if (serverErrors + rateLimits + timeouts > 1.0 + 1e-9) {
      throw new IllegalArgumentException(
          "randomFaults: serverErrors + rateLimits + timeouts must be <= 1");
    }
  }

  /** Only fractions; everything else default. */
  public static RandomFaults of(
      long seed, double serverErrors, double rateLimits, double timeouts, double lostAnswers) {
    return new RandomFaults(
        seed, serverErrors, null, rateLimits, null, timeouts, null, lostAnswers, null);
  }

  public RandomFaults withRetryAfterSeconds(int s) {
    return Records.with(this, "retryAfterSeconds", s);
  }

  public RandomFaults withTimeoutHoldMs(long ms) {
    return Records.with(this, "timeoutHoldMs", ms);
  }

  public RandomFaults withServerErrorStatus(int status) {
    return Records.with(this, "serverErrorStatus", status);
  }

  public RandomFaults withAuthCalls(boolean v) {
    return Records.with(this, "authCalls", v);
  }

  /** True if some fault can fire. */
  @JsonIgnore
  public boolean active() {
    return serverErrors > 0 || rateLimits > 0 || timeouts > 0 || lostAnswers > 0;
  }

  private static double fraction(Double v, String name) {
    double d = v == null ? 0.0 : v;
    if (!(d >= 0.0 && d <= 1.0))
      throw new IllegalArgumentException("randomFaults." + name + " must be in [0, 1]");
    return d;
  }
}
