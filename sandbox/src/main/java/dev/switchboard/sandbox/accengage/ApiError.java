package dev.switchboard.sandbox.accengage;

/**
 * One entry of the v1 error body {@code {"errors":[{"label":..,"message":..}]}} (seed doc, "Error
 * handling", CERTAIN). Labels marked ASSUMPTION are the simulator's choice where the doc is silent.
 */
record ApiError(String label, String message) {
  static final String UNKNOW_ROUTE = "API_ERR_UNKNOW_ROUTE"; // sic, as documented
  static final String FORMAT = "API_ERR_FORMAT";
  static final String TOKEN = "API_ERR_TOKEN";
  static final String SIGNATURE = "API_ERR_SIGNATURE";
  static final String FORBIDDEN = "API_ERR_FORBIDDEN";

  /** ASSUMPTION: unknown message or device; the doc lists no "not found" label. */
  static final String NOT_FOUND = "API_ERR_NOT_FOUND";

  /** ASSUMPTION: throttling is not documented at all (§3.5). */
  static final String RATE_LIMIT = "API_ERR_RATE_LIMIT";

  /** Not the provider's: a malformed {@code x-sandbox-scenario} header. */
  static final String SANDBOX_SCENARIO = "SANDBOX_ERR_SCENARIO";

  static ApiError format(String message) {
    return new ApiError(FORMAT, message);
  }

  static ApiError missing(String field) {
    return format("Missing mandatory parameter `" + field + "`");
  }

  static ApiError malformed(String field, String expected) {
    return format("Malformed field `" + field + "`: " + expected);
  }
}
