package dev.switchboard.bench.baseline;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A command that ends in a {@code failed} event: the error code and a message that never holds a
 * key, token or response body.
 */
final class CommandFailure extends RuntimeException {
  final String code;

  CommandFailure(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The failure for any exception a command's work ended with. */
  static CommandFailure of(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof CommandFailure f) {
      return f;
    }
    if (e instanceof HttpTimeoutException) {
      return new CommandFailure("PROVIDER_TIMEOUT", "the provider did not answer in time");
    }
    if (e instanceof IOException) {
      return new CommandFailure(
          "PROVIDER_UNREACHABLE", "cannot reach the provider: " + e.getClass().getSimpleName());
    }
    return new CommandFailure("INTERNAL", e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** The cause under the wrappers CompletableFuture adds. */
  static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** HTTP status → code: 404 is PROVIDER_NOT_FOUND, anything else PROVIDER_ERROR_<status>. */
  static CommandFailure httpStatus(String call, int status) {
    return new CommandFailure(
        status == 404 ? "PROVIDER_NOT_FOUND" : "PROVIDER_ERROR_" + status,
        call + " answered HTTP " + status);
  }
}
