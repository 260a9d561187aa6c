package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.accengage.AccengageSettings.LinkStyle;
import dev.switchboard.sandbox.kit.Records;
import dev.switchboard.sandbox.kit.ScenarioJson;
import java.util.List;
import java.util.Set;

/**
 * Faults and odd-but-legal behaviour for one user, as data. Set per user (config, {@link
 * AccengageSimulator#setScenario}, {@code PUT /_sandbox/scenarios/{email}}) and overridable per
 * request with the header {@code x-sandbox-scenario: <this record as JSON>}: the header's non-null
 * members replace the user's. Every member is optional; unknown members are an error. JSON form:
 *
 * <pre>{@code
 * {"latencyMs": 20,
 *  "emptyPages": {"pages": [2, 3], "every": 5},
 *  "foreignNextOnPage": 2, "foreignOrigin": "https://evil.example",
 *  "expireTokenAfterCalls": 3,
 *  "rateLimit": {"page": 2, "retryAfterSeconds": 1, "times": 1},
 *  "serverError": {"label": "API_ERR_DB", "call": 4, "times": 2},
 *  "formatErrors": 3,
 *  "devicePages": 5000,
 *  "linkStyle": "VARIED",
 *  "randomFaults": {"seed": 7, "serverErrors": 0.10, "rateLimits": 0.05, "retryAfterSeconds": 1,
 *                   "timeouts": 0.03, "timeoutHoldMs": 1500, "lostAnswers": 0.05}}
 * }</pre>
 *
 * <p>Page faults apply to every paginated route and fire {@code times} times per (route, page);
 * call faults count the user's authenticated calls since the scenario was last set (1 = first) and
 * fire on calls {@code call .. call+times-1}. Pages are the {@code ?page=N} the client sends.
 *
 * @param latencyMs added (with a timer) to every call of the user, the token call included
 * @param emptyPages pages inserted empty but still carrying {@code next}: the doc says clients keep
 *     following {@code next} "even if the page is empty" (§3.5). Data moves to later pages, so a
 *     full traversal still yields every item.
 * @param foreignNextOnPage that page's {@code next} (header and body) points at another origin
 * @param foreignOrigin that origin; default {@code http://127.0.0.2:<port>} (loopback, other host)
 * @param expireTokenAfterCalls a token dies after this many authenticated calls: 401 API_ERR_TOKEN
 * @param rateLimit 429 with {@code Retry-After} and an errors body (ASSUMPTION, §3.5)
 * @param serverError 500 with one of the documented server labels
 * @param formatErrors authenticated POSTs answer 400 with this many {@code API_ERR_FORMAT} entries
 * @param devicePages the device export has exactly this many full pages (e.g. 5,000)
 * @param linkStyle overrides {@link AccengageSettings#linkStyle()}
 * @param randomFaults a seeded share of the user's signed and authenticated calls (and of its token
 *     requests unless {@code authCalls} is false) answered 503 with a load balancer's plain page
 *     (or, with {@code serverErrorStatus} 500, the documented {@code API_ERR_SERVICE}), 429 with
 *     {@code Retry-After} and {@code API_ERR_RATE_LIMIT} (ASSUMPTION, §3.5), or held past the
 *     client's timeout and dropped, none of them applied; and a share of applied writes ({@code
 *     messages} create, {@code .../send}) whose connection is closed after the write, so the answer
 *     is lost. Signatures and tokens are verified first, as ever. See {@link RandomFaults}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccengageScenario(
    Long latencyMs,
    EmptyPages emptyPages,
    Integer foreignNextOnPage,
    String foreignOrigin,
    Integer expireTokenAfterCalls,
    RateLimit rateLimit,
    ServerError serverError,
    Integer formatErrors,
    Integer devicePages,
    LinkStyle linkStyle,
    RandomFaults randomFaults) {

  /** The 500 labels of the seed doc's "Generic errors" table (CERTAIN). */
  public static final Set<String> SERVER_ERROR_LABELS =
      Set.of(
          "API_ERR_DB",
          "API_ERR_CACHE",
          "API_ERR_SERVICE",
          "API_ERR_UTIL",
          "API_ERR_SUPPORT",
          "API_ERR_UNKNOWN");

  private static final AccengageScenario NONE =
      new AccengageScenario(null, null, null, null, null, null, null, null, null, null, null);

  /** The JSON form, from the control API or the {@code x-sandbox-scenario} header. */
  static final ScenarioJson<AccengageScenario> JSON =
      new ScenarioJson<>(AccengageScenario.class, NONE);

  public AccengageScenario {
    if (formatErrors != null && formatErrors < 1)
      throw new IllegalArgumentException("formatErrors must be >= 1");
    if (devicePages != null && devicePages < 0)
      throw new IllegalArgumentException("devicePages must be >= 0");
    if (expireTokenAfterCalls != null && expireTokenAfterCalls < 0) {
      throw new IllegalArgumentException("expireTokenAfterCalls must be >= 0");
    }
  }

  /**
   * Empty pages: the listed page numbers, and/or every {@code every}-th page ({@code every >= 2}).
   * Only pages before the last data page are emptied; the last page always carries data.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EmptyPages(List<Integer> pages, Integer every) {
    public EmptyPages {
      pages = pages == null ? List.of() : List.copyOf(Set.copyOf(pages)).stream().sorted().toList();
      if (pages.stream().anyMatch(p -> p < 1))
        throw new IllegalArgumentException("empty pages start at 1");
      if (every != null && every < 2)
        throw new IllegalArgumentException("emptyPages.every must be >= 2");
    }

    boolean isEmpty(long page) {
      return (every != null && page % every == 0)
          || pages.contains((int) Math.min(page, Integer.MAX_VALUE));
    }

    /** How many of pages 1..k are empty pages. */
    long countUpTo(long k) {
      long n = every == null ? 0 : k / every;
      for (int p : pages) if (p <= k && (every == null || p % every != 0)) n++;
      return n;
    }
  }

  /** 429 on page {@code page} or from call {@code call} (exactly one), {@code times} times. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RateLimit(Integer page, Integer call, Integer retryAfterSeconds, Integer times) {
    public RateLimit {
      requireOneTrigger(page, call, "rateLimit");
      retryAfterSeconds = retryAfterSeconds == null ? 1 : retryAfterSeconds;
      times = times == null ? 1 : times;
      if (retryAfterSeconds < 0 || times < 1)
        throw new IllegalArgumentException("bad rateLimit values");
    }
  }

  /** 500 {@code label} (default API_ERR_UNKNOWN) on page {@code page} or from call {@code call}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ServerError(String label, Integer page, Integer call, Integer times) {
    public ServerError {
      requireOneTrigger(page, call, "serverError");
      label = label == null ? "API_ERR_UNKNOWN" : label;
      times = times == null ? 1 : times;
      if (!SERVER_ERROR_LABELS.contains(label))
        throw new IllegalArgumentException("unknown 500 label " + label);
      if (times < 1) throw new IllegalArgumentException("serverError.times must be >= 1");
    }
  }

  private static void requireOneTrigger(Integer page, Integer call, String what) {
    if ((page == null) == (call == null))
      throw new IllegalArgumentException(what + " needs exactly one of page, call");
    if ((page != null && page < 1) || (call != null && call < 1))
      throw new IllegalArgumentException(what + " counts from 1");
  }

  public static AccengageScenario none() {
    return NONE;
  }

  /** This scenario with every non-null member of {@code o} taking precedence. */
  public AccengageScenario overriddenBy(AccengageScenario o) {
    return Records.overlay(this, o);
  }

  public AccengageScenario withLatencyMs(long ms) {
    return Records.with(this, "latencyMs", ms);
  }

  public AccengageScenario withEmptyPages(Integer... pages) {
    return Records.with(this, "emptyPages", new EmptyPages(List.of(pages), null));
  }

  public AccengageScenario withEveryNthPageEmpty(int n) {
    return Records.with(this, "emptyPages", new EmptyPages(null, n));
  }

  public AccengageScenario withForeignNextOnPage(int page) {
    return Records.with(this, "foreignNextOnPage", page);
  }

  public AccengageScenario withForeignOrigin(String origin) {
    return Records.with(this, "foreignOrigin", origin);
  }

  public AccengageScenario withExpireTokenAfterCalls(int calls) {
    return Records.with(this, "expireTokenAfterCalls", calls);
  }

  public AccengageScenario withRateLimit(RateLimit r) {
    return Records.with(this, "rateLimit", r);
  }

  public AccengageScenario withServerError(ServerError e) {
    return Records.with(this, "serverError", e);
  }

  public AccengageScenario withFormatErrors(int n) {
    return Records.with(this, "formatErrors", n);
  }

  public AccengageScenario withDevicePages(int pages) {
    return Records.with(this, "devicePages", pages);
  }

  public AccengageScenario withLinkStyle(LinkStyle style) {
    return Records.with(this, "linkStyle", style);
  }

  public AccengageScenario withRandomFaults(RandomFaults faults) {
    return Records.with(this, "randomFaults", faults);
  }

  long delayMs() {
    return latencyMs == null ? 0 : Math.max(0, latencyMs);
  }
}
