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
 * Fields declared as data: operation params and connection config are both checked with it. Unknown
 * fields are refused, so a typo in a command is an error, not a silent default.
 */
public final class Schema {
  /** Field types. {@code SECRET} is a string that is redacted everywhere it could be shown. */
  public enum Type {
    STRING,
    INTEGER,
    BOOLEAN,
    SECRET,
    DURATION,
    OBJECT
  }

  /** The connection key whose duration the runtime applies to every provider request. */
  public static final String REQUEST_TIMEOUT = "requestTimeout";

  /**
   * One declared field. {@code min}/{@code max} bound integers and string lengths. An {@code
   * OBJECT} field may declare its {@code shapes}: the nested schema it must match, chosen by the
   * value of its {@code discriminator} field (or the one shape under {@code ""} when there is no
   * discriminator); without shapes any object is taken.
   */
  public record Field(
      String name,
      Type type,
      boolean required,
      JsonNode defaultValue,
      Long min,
      Long max,
      String doc,
      String discriminator,
      Map<String, Schema> shapes) {

    public Field(
        String name,
        Type type,
        boolean required,
        JsonNode defaultValue,
        Long min,
        Long max,
        String doc) {
      this(name, type, required, defaultValue, min, max, doc, null, null);
    }
  }

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
    ObjectNode out = validate(input, "", problems);
    if (!problems.isEmpty()) {
      throw SwitchboardException.invalid("INVALID_PARAMS", String.join("; ", problems));
    }
    return out;
  }

  private ObjectNode validate(ObjectNode input, String prefix, List<String> problems) {
    ObjectNode out = Json.object();
    input
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (!fields.containsKey(n)) {
                problems.add("unknown parameter '" + prefix + n + "'");
              }
            });
    for (Field f : fields.values()) {
      JsonNode v = input.get(f.name());
      String name = prefix + f.name();
      if (v == null || v.isNull()) {
        if (f.required()) {
          problems.add("'" + name + "' is required");
        } else if (f.defaultValue() != null) {
          out.set(f.name(), f.defaultValue());
        }
        continue;
      }
      v = coerce(f, v);
      String problem = check(f, v);
      if (problem != null) {
        problems.add("'" + name + "' " + problem);
      } else if (f.shapes() != null) {
        nested(f, (ObjectNode) v, name, problems).ifPresent(n -> out.set(f.name(), n));
      } else {
        out.set(f.name(), v);
      }
    }
    return out;
  }

  /** An object field checked against the shape its discriminator names. */
  private static java.util.Optional<ObjectNode> nested(
      Field f, ObjectNode v, String name, List<String> problems) {
    String kind = f.discriminator() == null ? "" : v.path(f.discriminator()).asText();
    Schema shape = f.shapes().get(kind);
    if (shape == null) {
      problems.add(
          "'"
              + name
              + "."
              + f.discriminator()
              + "' must be one of "
              + String.join(", ", f.shapes().keySet()));
      return java.util.Optional.empty();
    }
    int before = problems.size();
    ObjectNode checked = shape.validate(v, name + ".", problems);
    return problems.size() == before ? java.util.Optional.of(checked) : java.util.Optional.empty();
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
      if (f.shapes() != null) {
        var oneOf = p.putArray("oneOf");
        f.shapes()
            .forEach(
                (kind, shape) -> {
                  ObjectNode variant = shape.toJsonSchema();
                  if (f.discriminator() != null) {
                    ((ObjectNode) variant.path("properties").path(f.discriminator()))
                        .put("const", kind);
                  }
                  oneOf.add(variant);
                });
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
      return field(
          new Field(
              name,
              Type.STRING,
              false,
              Json.MAPPER.getNodeFactory().textNode(defaultValue),
              null,
              null,
              doc));
    }

    public Builder secret(String name, String doc) {
      return field(new Field(name, Type.SECRET, true, null, 1L, null, doc));
    }

    public Builder integer(String name, long min, long max, Long defaultValue, String doc) {
      return field(
          new Field(
              name,
              Type.INTEGER,
              false,
              defaultValue == null ? null : Json.MAPPER.getNodeFactory().numberNode(defaultValue),
              min,
              max,
              doc));
    }

    public Builder requiredInteger(String name, long min, long max, String doc) {
      return field(new Field(name, Type.INTEGER, true, null, min, max, doc));
    }

    public Builder bool(String name, boolean defaultValue, String doc) {
      return field(
          new Field(
              name,
              Type.BOOLEAN,
              false,
              Json.MAPPER.getNodeFactory().booleanNode(defaultValue),
              null,
              null,
              doc));
    }

    /** A duration with no default: {@link ConnectionConfig#duration} gives null when unset. */
    public Builder optionalDuration(String name, String doc) {
      return field(new Field(name, Type.DURATION, false, null, null, null, doc));
    }

    /**
     * The connection's {@value #REQUEST_TIMEOUT}: the runtime gives every request the connector
     * makes through {@code ConnectorContext.http()} this timeout (no byte for that long fails the
     * attempt, which is retried like any timeout).
     */
    public Builder requestTimeout(String defaultValue) {
      return duration(
          REQUEST_TIMEOUT,
          defaultValue,
          "timeout of one provider call without a " + "byte of answer");
    }

    /** A required JSON object taken as it is (its content is the provider's to check). */
    public Builder requiredObject(String name, String doc) {
      return field(new Field(name, Type.OBJECT, true, null, null, null, doc));
    }

    /**
     * A required object of one of several shapes, chosen by its {@code discriminator} field (each
     * shape declares that field too); its nested secrets stay secrets. E.g. AccountsIQ's {@code
     * auth}: {@code {kind: login, …}} or {@code {kind: app, …}}.
     */
    public Builder oneOf(
        String name, String discriminator, Map<String, Schema> shapes, String doc) {
      return field(
          new Field(
              name,
              Type.OBJECT,
              true,
              null,
              null,
              null,
              doc,
              discriminator,
              Collections.unmodifiableMap(new java.util.TreeMap<>(shapes)))); // kinds in order
    }

    public Builder duration(String name, String defaultValue, String doc) {
      return field(
          new Field(
              name,
              Type.DURATION,
              false,
              Json.MAPPER.getNodeFactory().textNode(defaultValue),
              null,
              null,
              doc));
    }

    public Schema build() {
      return new Schema(new LinkedHashMap<>(fields));
    }
  }
}
