package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the targeting of a send. The legacy API targets "criteria, segmentId or staticListId,
 * with at most 100 targets" (provider-apis.md §3.4); ASSUMPTION for v1: each member may be one
 * value or an array, they may be combined, and the total count is capped by {@link
 * AccengageSettings#maxTargets()}. Segment ids must exist in the app.
 */
final class TargetValidator {
  private static final Set<String> MEMBERS = Set.of("segmentId", "staticListId", "criteria");

  private TargetValidator() {}

  /** The number of targets; every problem reported at once. */
  static int validate(JsonNode body, Segments segments, AccengageSettings settings)
      throws FormatProblems {
    List<ApiError> problems = new ArrayList<>();
    int count = 0;
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!MEMBERS.contains(e.getKey()) && settings.strictMessageFields()) {
        problems.add(ApiError.format("Unknown parameter `" + e.getKey() + "`"));
      }
    }
    for (JsonNode id : values(body.get("segmentId"))) {
      count++;
      if (!id.canConvertToLong() && !(id.isTextual() && id.asText().matches("\\d{1,18}"))) {
        problems.add(ApiError.malformed("segmentId", "expected a segment id"));
      } else if (!segments.exists(id.asLong())) {
        problems.add(ApiError.format("Unknown segment `" + id.asText() + "`"));
      }
    }
    for (JsonNode id : values(body.get("staticListId"))) {
      count++;
      boolean ok =
          (id.canConvertToLong() && id.asLong() > 0) || (id.isTextual() && !id.asText().isBlank());
      if (!ok) problems.add(ApiError.malformed("staticListId", "expected a static list id"));
    }
    for (JsonNode c : values(body.get("criteria"))) {
      count++;
      if (!c.isObject() || c.isEmpty())
        problems.add(ApiError.malformed("criteria", "expected a non-empty object"));
    }
    if (count == 0)
      problems.add(
          ApiError.format("Missing mandatory parameter `segmentId`, `staticListId` or `criteria`"));
    if (count > settings.maxTargets()) {
      problems.add(
          ApiError.format(
              "Too many targets: " + count + " (at most " + settings.maxTargets() + ")"));
    }
    if (!problems.isEmpty()) throw new FormatProblems(problems);
    return count;
  }

  private static List<JsonNode> values(JsonNode v) {
    if (v == null || v.isNull()) return List.of();
    List<JsonNode> out = new ArrayList<>();
    if (v.isArray()) v.forEach(out::add);
    else out.add(v);
    return out;
  }
}
