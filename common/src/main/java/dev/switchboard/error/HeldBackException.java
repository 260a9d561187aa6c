package dev.switchboard.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A provider call that was never sent: the connection's gate held it back (its circuit breaker is
 * open, or the provider asked the connection to pause). Retries wait {@link #retryAfter()} for it
 * without using up an attempt, since the provider never saw it; a write held back is not in doubt.
 */
public final class HeldBackException extends ProviderCallException {
  public HeldBackException(
      Resolution resolution, String message, JsonNode provider, Duration retryAfter) {
    super(resolution, message, provider, retryAfter, null);
  }
}
