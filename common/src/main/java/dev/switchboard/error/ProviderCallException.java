package dev.switchboard.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** A provider call that failed, already classified: it carries the action the retry layer takes. */
public class ProviderCallException extends SwitchboardException {
  private final Action action;

  public ProviderCallException(
      Resolution resolution,
      String message,
      JsonNode provider,
      Duration retryAfter,
      Throwable cause) {
    super(
        resolution.code(),
        resolution.category(),
        message,
        resolution.action() == Action.RETRY || resolution.action() == Action.RATE_LIMITED,
        provider,
        retryAfter,
        cause);
    this.action = resolution.action();
  }

  public Action action() {
    return action;
  }

  /**
   * The provider answered something the connector cannot read (not JSON, no list where one is due,
   * a login answer without its token): {@code PROVIDER_BAD_RESPONSE}, category {@code PROVIDER},
   * naming the call in the detail and never quoting the body.
   *
   * @param retryable whether another attempt may read better (a body cut short), or the answer is
   *     wrong as such
   */
  public static ProviderCallException badResponse(
      String provider, String call, String why, boolean retryable) {
    Resolution r =
        retryable
            ? Resolution.retry(Category.PROVIDER, "PROVIDER_BAD_RESPONSE")
            : Resolution.fail(Category.PROVIDER, "PROVIDER_BAD_RESPONSE");
    return new ProviderCallException(
        r,
        provider + " " + call + ": " + why,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("call", call),
        null,
        null);
  }

  /** Whether the failure means the provider's credential expired or is invalid. */
  public static boolean isAuthExpiry(Throwable t) {
    return t instanceof ProviderCallException p && p.action == Action.REFRESH_AUTH_THEN_RETRY;
  }
}
