package dev.switchboard.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;

/**
 * The {@code error} object of a {@code failed} result event.
 *
 * @param code stable machine-readable code, e.g. {@code UNKNOWN_OPERATION}
 * @param category one of {@link Category}
 * @param message human text, never containing secrets
 * @param retryable whether re-sending the command later may succeed
 * @param provider provider detail or null
 * @param retryAfterMs how long to wait before sending the command again, when the provider (a
 *     {@code Retry-After}) or the circuit breaker said so; null otherwise
 */
public record ErrorInfo(
    String code,
    Category category,
    String message,
    boolean retryable,
    JsonNode provider,
    Long retryAfterMs) {

  public ErrorInfo(
      String code, Category category, String message, boolean retryable, JsonNode provider) {
    this(code, category, message, retryable, provider, null);
  }

  /**
   * Maps any throwable to contract terms. Unknown throwables are bugs: {@code INTERNAL}, not
   * retryable, and their message is not copied (it could hold anything, secrets included).
   */
  public static ErrorInfo of(Throwable t) {
    if (t instanceof SwitchboardException e) {
      return new ErrorInfo(
          e.code(),
          e.category(),
          e.getMessage(),
          e.retryable(),
          e.provider(),
          e.retryAfter() == null ? null : e.retryAfter().toMillis());
    }
    return new ErrorInfo(
        "INTERNAL_ERROR",
        Category.INTERNAL,
        "internal error: " + t.getClass().getSimpleName(),
        false,
        null);
  }

  public ObjectNode toJson() {
    ObjectNode n = Json.object();
    n.put("code", code)
        .put("category", category.name())
        .put("message", message)
        .put("retryable", retryable);
    if (provider != null) {
      n.set("provider", provider);
    }
    if (retryAfterMs != null) {
      n.put("retryAfterMs", retryAfterMs);
    }
    return n;
  }
}
