package dev.switchboard.error;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A provider's error table. Each connector may override {@link #ofStatus(int)} for statuses whose
 * meaning differs, and add provider codes in its own client; transport failures are classified the
 * same for everyone.
 */
public interface ErrorClassifier {

  /** The resolution for an HTTP status that is not 2xx. */
  Resolution ofStatus(int status);

  /**
   * A non-2xx answer as the caller will see it: the resolution, the {@code error.provider} detail,
   * and a one-line summary for the message (or null). Providers whose meaning lives in the body
   * (error labels, codes) override this; the default reads the status only.
   *
   * @param body the response body, possibly empty; never logged whole
   */
  default ProviderError ofResponse(int status, io.vertx.core.buffer.Buffer body) {
    return new ProviderError(
        ofStatus(status), dev.switchboard.json.Json.object().put("status", status), null);
  }

  /** How a provider's error answer is reported. */
  record ProviderError(
      Resolution resolution,
      com.fasterxml.jackson.databind.node.ObjectNode detail,
      String summary) {}

  /** The resolution for a failure below HTTP: refused connection, reset, timeout. */
  default Resolution ofTransport(Throwable t) {
    if (t instanceof ConnectException) {
      return Resolution.retry(Category.TRANSIENT, "PROVIDER_UNREACHABLE");
    }
    if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
      return Resolution.retry(Category.TRANSIENT, "PROVIDER_TIMEOUT");
    }
    if (t instanceof IOException || t instanceof io.vertx.core.VertxException) {
      return Resolution.retry(Category.TRANSIENT, "PROVIDER_CONNECTION_LOST");
    }
    return Resolution.fail(Category.INTERNAL, "INTERNAL_ERROR");
  }

  /** Common HTTP semantics; providers start from it. */
  ErrorClassifier HTTP_DEFAULT =
      table(
          Map.of(
              400, Resolution.fail(Category.INVALID_COMMAND, "PROVIDER_BAD_REQUEST"),
              401,
                  new Resolution(
                      Action.REFRESH_AUTH_THEN_RETRY, Category.AUTH, "PROVIDER_UNAUTHORIZED"),
              403, Resolution.fail(Category.AUTH, "PROVIDER_FORBIDDEN"),
              404, Resolution.fail(Category.NOT_FOUND, "PROVIDER_NOT_FOUND"),
              409, Resolution.fail(Category.CONFLICT, "PROVIDER_CONFLICT"),
              429,
                  new Resolution(
                      Action.RATE_LIMITED, Category.RATE_LIMITED, "PROVIDER_RATE_LIMITED")));

  /** A table of statuses; 5xx not listed is retried, other unlisted statuses fail. */
  static ErrorClassifier table(Map<Integer, Resolution> rows) {
    return status -> {
      Resolution r = rows.get(status);
      if (r != null) {
        return r;
      }
      return status >= 500
          ? Resolution.retry(Category.PROVIDER, "PROVIDER_ERROR_" + status)
          : Resolution.fail(Category.PROVIDER, "PROVIDER_HTTP_" + status);
    };
  }
}
