package dev.switchboard.sandbox.accountsiq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/** Scenario JSON, from the control API or the per-request {@code x-sandbox-scenario} header. */
final class ScenarioCodec {
  static final String HEADER = "x-sandbox-scenario";
  /** Unknown members fail, so a typo in a test's scenario is an error, not a silent no-op. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ScenarioCodec() {}

  static AccountsIqScenario parse(String json) {
    try {
      AccountsIqScenario s = MAPPER.readValue(json, AccountsIqScenario.class);
      return s == null ? AccountsIqScenario.none() : s;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid scenario JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The request's override, or null if it has no header. */
  static AccountsIqScenario fromHeader(RoutingContext ctx) {
    String header = ctx.request().getHeader(HEADER);
    return header == null || header.isBlank() ? null : parse(header);
  }

  static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
