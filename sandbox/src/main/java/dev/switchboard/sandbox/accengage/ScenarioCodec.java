package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/** Scenario JSON, from the control API or the per-request {@code x-sandbox-scenario} header. */
final class ScenarioCodec {
  static final String HEADER = "x-sandbox-scenario";
  /** Unknown members fail, so a typo in a test's scenario is an error, not a silent no-op. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScenarioCodec() {}

  static AccengageScenario parse(String json) {
    try {
      AccengageScenario s = MAPPER.readValue(json, AccengageScenario.class);
      return s == null ? AccengageScenario.none() : s;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid scenario JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The request's override, or null if it has no header. */
  static AccengageScenario fromHeader(RoutingContext ctx) {
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
