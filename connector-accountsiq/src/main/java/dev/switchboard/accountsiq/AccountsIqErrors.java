package dev.switchboard.accountsiq;

import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.Resolution;
import java.util.Map;
import java.util.Set;

/**
 * AccountsIQ's in-band errors as a table (provider-apis.md §1.5): anything but {@code Success} or
 * {@code Created} fails; {@code HasExpired} or a token code means re-authenticate once; the {@code
 * ErrorCode} picks the category; a code we do not know is reported as {@code UNRECOGNISED} with the
 * provider's code and message kept, because the enum grows.
 */
final class AccountsIqErrors {
  private static final Resolution EXPIRED =
      new Resolution(Action.REFRESH_AUTH_THEN_RETRY, Category.AUTH, "AIQ_TOKEN_EXPIRED");
  private static final Set<String> TOKEN_CODES =
      Set.of(
          "OAUTH_INTEGRATION_APPS_TOKEN_EXPIRED",
          "OAUTH_INTEGRATION_APPS_TOKEN_IS_INVALID",
          "OAUTH_INTEGRATION_APPS_ERROR_VALIDATING_TOKEN",
          "OAUTHCONFIGURATION_INVALID_TOKEN",
          "OAUTHCONFIGURATION_TOKEN_EXPIRED");
  private static final Map<String, Resolution> BY_CODE =
      Map.ofEntries(
          Map.entry(
              "OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED",
              new Resolution(Action.RATE_LIMITED, Category.RATE_LIMITED, "AIQ_RATE_LIMITED")),
          Map.entry(
              "OAUTH_INTEGRATION_APPS_TOO_MANY_API_CALLS",
              new Resolution(Action.RATE_LIMITED, Category.RATE_LIMITED, "AIQ_RATE_LIMITED")),
          Map.entry(
              "GETTRANSACTIONSBY_QUERY_TIMEOUT",
              Resolution.retry(Category.TRANSIENT, "GETTRANSACTIONSBY_QUERY_TIMEOUT")),
          Map.entry("OUTDATED_RECORD", Resolution.fail(Category.CONFLICT, "OUTDATED_RECORD")),
          Map.entry("NOT_FOUND", Resolution.fail(Category.NOT_FOUND, "NOT_FOUND")),
          Map.entry("READ_ONLY", Resolution.fail(Category.AUTH, "READ_ONLY")),
          Map.entry(
              "API_DEPRECATED_FEATURE",
              Resolution.fail(Category.PROVIDER, "API_DEPRECATED_FEATURE")));

  private AccountsIqErrors() {}

  static boolean success(String status) {
    return "Success".equals(status) || "Created".equals(status);
  }

  /** The resolution of a result that is not a success. */
  static Resolution of(String status, String code, boolean hasExpired) {
    if (hasExpired || TOKEN_CODES.contains(code)) {
      return EXPIRED;
    }
    if (code == null || code.isBlank() || code.equals("SUCCESS") || code.equals("UNKNOWN")) {
      return byStatus(status);
    }
    Resolution r = BY_CODE.get(code);
    if (r != null) {
      return r;
    }
    if (code.startsWith("OAUTH") || code.startsWith("API_LAYER_ENTITY")) {
      return Resolution.fail(Category.AUTH, code);
    }
    if (code.endsWith("_DOES_NOT_EXIST")) {
      return Resolution.fail(Category.NOT_FOUND, code);
    }
    if (code.endsWith("_ALREADY_EXISTS") || code.endsWith("_ALREADY_IN_USE")) {
      return Resolution.fail(Category.CONFLICT, code);
    }
    if (code.endsWith("_IS_NULL")
        || code.endsWith("_IS_EMPTY")
        || code.contains("_MUST_BE_")
        || code.contains("_IS_INVALID")
        || code.contains("_OUT_OF_RANGE")) {
      return Resolution.fail(Category.INVALID_COMMAND, code);
    }
    return Resolution.fail(Category.PROVIDER, "UNRECOGNISED");
  }

  private static Resolution byStatus(String status) {
    return switch (status == null ? "" : status) {
      case "Conflicted" -> Resolution.fail(Category.CONFLICT, "AIQ_CONFLICTED");
      case "NotCreated" -> Resolution.fail(Category.NOT_FOUND, "AIQ_NOT_CREATED");
      default ->
          Resolution.fail(
              Category.PROVIDER,
              "AIQ_"
                  + (status == null || status.isBlank()
                      ? "NO_STATUS"
                      : status.toUpperCase(java.util.Locale.ROOT)));
    };
  }

  /** A SOAP Fault: {@code soap:Server} may pass, {@code soap:Client} is our request's fault. */
  static Resolution ofFault(String faultCode) {
    return faultCode != null && faultCode.endsWith("Client")
        ? Resolution.fail(Category.PROVIDER, "AIQ_SOAP_CLIENT_FAULT")
        : Resolution.retry(Category.PROVIDER, "AIQ_SOAP_SERVER_FAULT");
  }
}
