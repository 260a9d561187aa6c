package dev.switchboard.bench.camel;

import java.io.IOException;

/**
 * The exceptions the routes throw on purpose, and how any exception becomes the error code of a
 * {@code failed} event. Messages never hold a key, token or provider response body.
 */
final class Failures {
  private Failures() {}

  /** A command that cannot succeed: the code and message of its {@code failed} event. */
  static class CommandException extends RuntimeException {
    final String code;

    CommandException(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /**
   * The provider says the session/token in use has ended (IQ Reseller 401, AccountsIQ
   * {@code HasExpired=true}). The routes' error handler logs in again once and replays the call.
   */
  static final class SessionExpiredException extends RuntimeException {
    SessionExpiredException(String message) {
      super(message, null, false, false);
    }
  }

  /** An HTTP answer other than 2xx: 404 is PROVIDER_NOT_FOUND, anything else PROVIDER_ERROR_<status>. */
  static CommandException httpStatus(String call, int status) {
    return new CommandException(status == 404 ? "PROVIDER_NOT_FOUND" : "PROVIDER_ERROR_" + status,
        call + " answered HTTP " + status);
  }

  /** The code for whatever a command ended with; Camel wraps causes, so look through them. */
  static String[] describe(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (e instanceof CommandException c) {
        return new String[] {c.code, c.getMessage()};
      }
      if (e instanceof SessionExpiredException) {
        return new String[] {"AUTH", "the session expired again right after a fresh login"};
      }
      if (e.getClass().getSimpleName().contains("Timeout")) {
        return new String[] {"PROVIDER_TIMEOUT", "the provider did not answer in time"};
      }
      if (e instanceof IOException) {
        return new String[] {"PROVIDER_UNREACHABLE", "cannot reach the provider: " + e.getClass().getSimpleName()};
      }
    }
    return new String[] {"INTERNAL", t.getClass().getSimpleName() + ": " + t.getMessage()};
  }
}
