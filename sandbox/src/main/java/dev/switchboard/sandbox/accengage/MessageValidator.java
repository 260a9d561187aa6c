package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates a push message body. Field names are the legacy API's (provider-apis.md §3.4; their use
 * in v1 is ASSUMPTION); {@code subject} and {@code text} are required (ASSUMPTION). Every problem
 * is reported, in one answer, as the seed doc describes: "it's easier for a developer to get all
 * the formatting errors at the same time".
 */
final class MessageValidator {
  private enum Kind {
    TEXT,
    URL,
    BOOL,
    SOUND,
    BADGE,
    OPENING,
    PARAMS,
    BUTTONS
  }

  private static final Map<String, Kind> FIELDS = new LinkedHashMap<>();
  private static final Pattern BADGE = Pattern.compile("\\+?\\d{1,4}");
  private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/]+\\S*");

  static {
    FIELDS.put("subject", Kind.TEXT);
    FIELDS.put("text", Kind.TEXT);
    FIELDS.put("customizedTitle", Kind.TEXT);
    FIELDS.put("longText", Kind.TEXT);
    FIELDS.put("bigPicture", Kind.URL);
    FIELDS.put("icon", Kind.URL);
    FIELDS.put("sound", Kind.SOUND);
    FIELDS.put("soundName", Kind.TEXT);
    FIELDS.put("badge", Kind.BADGE);
    FIELDS.put("actionButtonLabel", Kind.TEXT);
    FIELDS.put("richPushUrl", Kind.URL);
    FIELDS.put("richPushOpening", Kind.OPENING);
    FIELDS.put("popup", Kind.BOOL);
    FIELDS.put("collapseKey", Kind.TEXT);
    FIELDS.put("customParams", Kind.PARAMS);
    FIELDS.put("interactiveButtons", Kind.BUTTONS);
    FIELDS.put("contentAvailable", Kind.BOOL);
  }

  private MessageValidator() {}

  /** The accepted members (unknown ones dropped when not strict). */
  static ObjectNode validate(JsonNode body, boolean strict) throws FormatProblems {
    List<ApiError> problems = new ArrayList<>();
    ObjectNode clean = ApiReplies.MAPPER.createObjectNode();
    for (String required : List.of("subject", "text")) {
      if (!body.hasNonNull(required)) problems.add(ApiError.missing(required));
    }
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      Kind kind = FIELDS.get(e.getKey());
      if (kind == null) {
        if (strict) problems.add(ApiError.format("Unknown parameter `" + e.getKey() + "`"));
        continue;
      }
      if (e.getValue().isNull()) continue;
      String expected = check(kind, e.getValue());
      if (expected != null) problems.add(ApiError.malformed(e.getKey(), expected));
      else clean.set(e.getKey(), e.getValue());
    }
    if ("custom".equals(body.path("sound").asText(null)) && !body.hasNonNull("soundName")) {
      problems.add(
          ApiError.format("Missing mandatory parameter `soundName` when `sound` is custom"));
    }
    if (body.hasNonNull("richPushOpening") && !body.hasNonNull("richPushUrl")) {
      problems.add(
          ApiError.format(
              "Missing mandatory parameter `richPushUrl` when `richPushOpening` is set"));
    }
    if (!problems.isEmpty()) throw new FormatProblems(problems);
    return clean;
  }

  /** What was expected, or null if the value is acceptable. */
  private static String check(Kind kind, JsonNode v) {
    return switch (kind) {
      case TEXT -> v.isTextual() && !v.asText().isBlank() ? null : "expected a non-empty string";
      case URL ->
          v.isTextual() && HTTP_URL.matcher(v.asText()).matches()
              ? null
              : "expected an http(s) URL";
      case BOOL -> v.isBoolean() ? null : "expected true or false";
      case SOUND ->
          v.isTextual() && List.of("None", "default", "custom").contains(v.asText())
              ? null
              : "expected None, default or custom";
      case BADGE ->
          (v.isTextual() && BADGE.matcher(v.asText()).matches()) || (v.isInt() && v.asInt() >= 0)
              ? null
              : "expected a number, optionally prefixed with + to increment";
      case OPENING ->
          v.isTextual() && List.of("webview", "browser").contains(v.asText())
              ? null
              : "expected webview or browser";
      case PARAMS -> customParams(v);
      case BUTTONS -> v.isTextual() || v.isArray() ? null : "expected a string or an array";
    };
  }

  private static String customParams(JsonNode v) {
    if (!v.isArray()) return "expected an array of {key, value}";
    for (JsonNode p : v) {
      if (!p.isObject()
          || !p.path("key").isTextual()
          || p.path("key").asText().isBlank()
          || !p.path("value").isTextual()) {
        return "expected an array of {key, value} with string members";
      }
    }
    return null;
  }
}
