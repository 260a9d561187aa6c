package dev.switchboard.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A failure that knows its contract code and category. Messages must never contain secrets: they
 * travel to callers in {@code failed} events and into logs.
 */
public class SwitchboardException extends RuntimeException {
  private final String code;
  private final Category category;
  private final boolean retryable;
  private final JsonNode provider;
  private final Duration retryAfter;

  public SwitchboardException(String code, Category category, String message) {
    this(code, category, message, false, null, null, null);
  }

  public SwitchboardException(
      String code,
      Category category,
      String message,
      boolean retryable,
      JsonNode provider,
      Duration retryAfter,
      Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
    this.category = category;
    this.retryable = retryable;
    this.provider = provider;
    this.retryAfter = retryAfter;
  }

  public String code() {
    return code;
  }

  public Category category() {
    return category;
  }

  /** Whether the same command may succeed if sent again later. */
  public boolean retryable() {
    return retryable;
  }

  /** Provider-specific detail (status, error codes, messages), or null. */
  public JsonNode provider() {
    return provider;
  }

  /** The wait the provider asked for ({@code Retry-After}), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public static SwitchboardException invalid(String code, String message) {
    return new SwitchboardException(code, Category.INVALID_COMMAND, message);
  }
}
