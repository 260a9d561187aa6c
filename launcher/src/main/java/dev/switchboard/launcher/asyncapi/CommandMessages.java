package dev.switchboard.launcher.asyncapi;

import static dev.switchboard.launcher.asyncapi.ContractSchemas.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import java.util.regex.Pattern;

/** The message of one operation on its provider's commands channel, and its params schema file. */
final class CommandMessages {
  /** Component keys and file names: what AsyncAPI allows in a component key, no path tricks. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  private CommandMessages() {}

  /** The message name and component key: {@code <provider>.<operation>}. */
  static String name(String provider, OperationSpec spec) {
    String name = provider + "." + spec.name();
    if (!NAME.matcher(name).matches()) {
      throw new IllegalStateException("'" + name + "' cannot name a message or a file");
    }
    return name;
  }

  /**
   * The operation's params as JSON Schema. Refuses a params schema with a secret field: secrets
   * belong to connection config and never travel in commands ({@code toJsonSchema()} would show a
   * secret as a plain string).
   */
  static ObjectNode params(String provider, OperationSpec spec) {
    refuseSecrets(spec.params(), provider + " " + spec.name() + " params");
    return spec.params().toJsonSchema();
  }

  private static void refuseSecrets(Schema schema, String where) {
    for (Schema.Field f : schema.fields().values()) {
      if (f.type() == Schema.Type.SECRET) {
        throw new IllegalStateException(where + " declare the secret '" + f.name() + "'");
      }
      if (f.shapes() != null) {
        f.shapes().values().forEach(s -> refuseSecrets(s, where + "." + f.name()));
      }
    }
  }

  /** The content of {@code docs/schemas/operations/<provider>/<operation>.json}. */
  static ObjectNode paramsFile(String provider, OperationSpec spec) {
    ObjectNode file =
        Json.object()
            .put("$schema", "https://json-schema.org/draft/2020-12/schema")
            .put("$id", "https://switchboard.dev/schemas/v1/operations/" + path(provider, spec))
            .put("title", provider + " " + spec.name() + " params")
            .put("description", spec.description());
    file.setAll(params(provider, spec));
    return file;
  }

  /** {@code <provider>/<operation>.json}, relative to {@code docs/schemas/operations}. */
  static String path(String provider, OperationSpec spec) {
    name(provider, spec);
    return provider + "/" + spec.name() + ".json";
  }

  /** The message: the command envelope with this operation's name and params. */
  static ObjectNode message(String provider, OperationSpec spec, ObjectNode commandSchema) {
    boolean stream = spec.kind() == OperationSpec.Kind.STREAM;
    String description =
        spec.description()
            + (spec.description().endsWith(".") ? " " : ". ")
            + (spec.write()
                ? "Write: changes provider state; never executed twice for one command id."
                : "Read: changes nothing at the provider.")
            + (stream
                ? " Stream: answered by record events, then a completed event with counts."
                : " Single result: answered by one completed event carrying the result as data.");
    ObjectNode m =
        Json.object()
            .put("name", name(provider, spec))
            .put("title", provider + " " + spec.name())
            .put("summary", spec.description())
            .put("description", description)
            .put("contentType", "application/json");
    m.set("headers", ref(ContractSchemas.COMPONENTS + ResultMessages.COMMAND_HEADERS));
    m.set("payload", envelope(provider, spec, commandSchema));
    m.set("correlationId", ref("#/components/correlationIds/" + ResultMessages.COMMAND));
    m.set("bindings", ref("#/components/messageBindings/" + ResultMessages.COMMAND));
    m.putArray("tags")
        .add(Json.object().put("name", spec.write() ? "write" : "read"))
        .add(Json.object().put("name", stream ? "stream" : "single"));
    m.put("x-switchboard-write", spec.write());
    m.put("x-switchboard-kind", stream ? "stream" : "single");
    return m;
  }

  /**
   * The published command schema's members in its order: {@code operation} fixed to this one,
   * {@code params} this operation's schema, every other member a reference to the published one.
   */
  private static ObjectNode envelope(String provider, OperationSpec spec, ObjectNode command) {
    ObjectNode params = params(provider, spec);
    ObjectNode payload = Json.object().put("type", "object");
    var required = payload.putArray("required");
    command.path("required").forEach(required::add);
    if (params.has("required")) {
      required.add("params"); // absent params are {}, which then lacks a required param
    }
    payload.put("additionalProperties", false);
    ObjectNode props = payload.putObject("properties");
    for (String member : (Iterable<String>) command.path("properties")::fieldNames) {
      JsonNode value =
          switch (member) {
            case "operation" -> Json.object().put("type", "string").put("const", spec.name());
            case "params" -> params;
            default ->
                ref(ContractSchemas.COMPONENTS + ContractSchemas.COMMAND + "/properties/" + member);
          };
      props.set(member, value);
    }
    return payload;
  }
}
