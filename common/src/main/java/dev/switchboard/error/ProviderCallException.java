package dev.switchboard.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** A provider call that failed, already classified: it carries the action the retry layer takes. */
public class ProviderCallException extends SwitchboardException {
  private final Action action;

  public ProviderCallException(Resolution resolution, String message, JsonNode provider,
      Duration retryAfter, Throwable cause) {
    super(resolution.code(), resolution.category(), message, resolution.action() == Action.RETRY
        || resolution.action() == Action.RATE_LIMITED, provider, retryAfter, cause);
    this.action = resolution.action();
  }

  public Action action() {
    return action;
  }

  /** Whether the failure means the provider's credential expired or is invalid. */
  public static boolean isAuthExpiry(Throwable t) {
    return t instanceof ProviderCallException p && p.action == Action.REFRESH_AUTH_THEN_RETRY;
  }
}
