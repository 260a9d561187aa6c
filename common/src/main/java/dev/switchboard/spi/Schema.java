package dev.switchboard.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields declared as data: operation params and connection config are both checked with it.
 * Unknown fields are refused, so a typo in a command is an error, not a silent default.
 */
public final class Schema {
  /** Field types. {@code SECRET} is a string that is redacted everywhere it could be shown. */
  public enum Type { STRING, INTEGER, BOOLEAN, SECRET, DURATION, OBJECT }

  /** One declared field. {@code min}/{@code max} bound integers and string lengths. */
  public record Field(String name, Type type, boolean required, JsonNode defaultValue, Long min,
      Long max, String doc) {}

  private final Map<String, Field> fields;

  private Schema(Map<String, Field> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, Field> fields() {
    return fields;
  }

  /**
   * Checks {@code input} and returns a copy with defaults applied.
   *
   * @throws SwitchboardException {@code INVALID_PARAMS} listing every problem at once
   */
  public ObjectNode validate(ObjectNode input) {
    List<String> problems = new ArrayList<>();
    ObjectNode out = Json.object();
    input.fieldNames().forEachRemaining(n -> {
      if (!fields.containsKey(n)) {
        problems.add("unknown parameter '" + n + "'");
      }
    });
    for (Field f : fields.values()) {
      JsonNode v = input.get(f.name());
      if (v == null || v.isNull()) {
        if (f.required()) {
          problems.add("'" + f.name() + "' is required");
        } else if (f.defaultValue() != null) {
          out.set(f.name(), f.defaultValue());
        }
        continue;
      }
      v = coerce(f, v);
      String problem = check(f, v);
      if (problem != null) {
        problems.add("'" + f.name() + "' " + problem);
      } else {
        out.set(f.name(), v);
      }
    }
    if (!problems.isEmpty()) {
      throw SwitchboardException.invalid("INVALID_PARAMS", String.join("; ", problems));
    }
    return out;
  }

  /**
   * Integer and boolean text ({@code "500"}, {@code "true"}) counts as the number or boolean:
   * configuration placeholders always resolve to text.
   */
  private static JsonNode coerce(Field f, JsonNode v) {
    if (!v.isTextual()) {
      return v;
    }
    String t = v.asText().trim();
    if (f.type() == Type.INTEGER && t.matches("-?\\d{1,18}")) {
      return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(t));
    }
    if (f.type() == Type.BOOLEAN && (t.equals("true") || t.equals("false"))) {
      return Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(t));
    }
    return v;
  }

  private static String check(Field f, JsonNode v) {
    switch (f.type()) {
      case INTEGER -> {
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
          return "must be an integer";
        }
        long n = v.asLong();
        if (f.min() != null && n < f.min() || f.max() != null && n > f.max()) {
          return "must be between " + f.min() + " and " + f.max();
        }
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          return "must be true or false";
        }
      }
      case OBJECT -> {
        if (!v.isObject()) {
          return "must be an object";
        }
      }
      case STRING, SECRET, DURATION -> {
        if (!v.isTextual() && !v.isNumber()) {
          return "must be a string";
        }
        int len = v.asText().length();
        if (f.min() != null && len < f.min() || f.max() != null && len > f.max()) {
          return "must be " + f.min() + " to " + f.max() + " characters";
        }
        if (f.type() == Type.DURATION && Durations.tryParse(v.asText()) == null) {
          return "must be a duration such as 500ms, 30s, 20m or PT20M";
        }
      }
    }
    return null;
  }

  /** JSON Schema (draft 2020-12) of these fields, for docs and callers' validation. */
  public ObjectNode toJsonSchema() {
    ObjectNode s = Json.object().put("type", "object").put("additionalProperties", false);
    ObjectNode props = s.putObject("properties");
    var required = Json.array();
    for (Field f : fields.values()) {
      ObjectNode p = props.putObject(f.name());
      switch (f.type()) {
        case INTEGER -> p.put("type", "integer");
        case BOOLEAN -> p.put("type", "boolean");
        case OBJECT -> p.put("type", "object");
        default -> p.put("type", "string");
      }
      boolean numeric = f.type() == Type.INTEGER;
      if (f.min() != null) {
        p.put(numeric ? "minimum" : "minLength", f.min());
      }
      if (f.max() != null) {
        p.put(numeric ? "maximum" : "maxLength", f.max());
      }
      if (f.defaultValue() != null) {
        p.set("default", f.defaultValue());
      }
      if (f.doc() != null) {
        p.put("description", f.doc());
      }
      if (f.required()) {
        required.add(f.name());
      }
    }
    if (!required.isEmpty()) {
      s.set("required", required);
    }
    return s;
  }

  /** Fluent declaration: {@code Schema.builder().integer("pageSize", 1, 2000, 500, "...")}. */
  public static final class Builder {
    private final Map<String, Field> fields = new LinkedHashMap<>();

    public Builder field(Field f) {
      fields.put(f.name(), f);
      return this;
    }

    public Builder requiredString(String name, String doc) {
      return field(new Field(name, Type.STRING, true, null, 1L, 500L, doc));
    }

    public Builder optionalString(String name, String doc) {
      return field(new Field(name, Type.STRING, false, null, null, 500L, doc));
    }

    public Builder string(String name, String defaultValue, String doc) {
      return field(new Field(name, Type.STRING, false, Json.MAPPER.getNodeFactory()
          .textNode(defaultValue), null, null, doc));
    }

    public Builder secret(String name, String doc) {
      return field(new Field(name, Type.SECRET, true, null, 1L, null, doc));
    }

    public Builder integer(String name, long min, long max, Long defaultValue, String doc) {
      return field(new Field(name, Type.INTEGER, false, defaultValue == null ? null
          : Json.MAPPER.getNodeFactory().numberNode(defaultValue), min, max, doc));
    }

    public Builder requiredInteger(String name, long min, long max, String doc) {
      return field(new Field(name, Type.INTEGER, true, null, min, max, doc));
    }

    public Builder bool(String name, boolean defaultValue, String doc) {
      return field(new Field(name, Type.BOOLEAN, false,
          Json.MAPPER.getNodeFactory().booleanNode(defaultValue), null, null, doc));
    }

    public Builder duration(String name, String defaultValue, String doc) {
      return field(new Field(name, Type.DURATION, false,
          Json.MAPPER.getNodeFactory().textNode(defaultValue), null, null, doc));
    }

    public Schema build() {
      return new Schema(new LinkedHashMap<>(fields));
    }
  }
}
