package dev.switchboard.sandbox.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/**
 * A simulator's scenario as JSON: from the control API ({@code PUT /_sandbox/scenarios/…}) or the
 * per-request {@code x-sandbox-scenario} header. Unknown members fail, so a typo in a test's
 * scenario is an error, not a silent no-op.
 *
 * @param <T> the simulator's scenario record
 */
public final class ScenarioJson<T> {
  public static final String HEADER = "x-sandbox-scenario";

  /** Shared by the simulators; Jackson's default refuses unknown members. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private final Class<T> type;
  private final T none;

  public ScenarioJson(Class<T> type, T none) {
    this.type = type;
    this.none = none;
  }

  public T parse(String json) {
    try {
      T s = MAPPER.readValue(json, type);
      return s == null ? none : s;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid scenario JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The request's override, or null if it has no header. */
  public T fromHeader(RoutingContext ctx) {
    String header = ctx.request().getHeader(HEADER);
    return header == null || header.isBlank() ? null : parse(header);
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
