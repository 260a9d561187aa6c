package dev.switchboard.launcher.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The published message-contract schemas ({@code docs/schemas/command.schema.json} and {@code
 * result-event.schema.json}), copied into the document's {@code components/schemas} so that it
 * stands alone: {@code command}, {@code resultEvent}, and every {@code $defs} entry of the result
 * event hoisted beside them ({@code record}, {@code completed}, {@code failed}, {@code error}...),
 * with {@code #/$defs/x} references rewritten to {@code #/components/schemas/x}. The {@code
 * $schema} and {@code $id} of the files are left out (an {@code $id} would change what the
 * references resolve against); a {@code $comment} names the source file.
 */
final class ContractSchemas {
  static final String COMPONENTS = "#/components/schemas/";
  static final String COMMAND = "command";
  static final String RESULT_EVENT = "resultEvent";

  private final ObjectNode command;
  private final ObjectNode resultEvent;
  private final ObjectNode defs;

  private ContractSchemas(ObjectNode command, ObjectNode resultEvent) {
    this.command = command;
    this.defs = (ObjectNode) resultEvent.remove("$defs");
    this.resultEvent = resultEvent;
  }

  /** Reads the two schemas from {@code <docsDir>/schemas}. */
  static ContractSchemas load(Path docsDir) {
    return new ContractSchemas(
        read(docsDir, "command.schema.json"), read(docsDir, "result-event.schema.json"));
  }

  private static ObjectNode read(Path docsDir, String name) {
    Path file = docsDir.resolve("schemas").resolve(name);
    try {
      ObjectNode schema = (ObjectNode) Json.parse(Files.readAllBytes(file));
      schema.remove("$schema");
      schema.remove("$id");
      ObjectNode copy = Json.object().put("$comment", "Copy of docs/schemas/" + name + ".");
      copy.setAll(schema);
      return (ObjectNode) rewriteRefs(copy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Every {@code "$ref": "#/$defs/x"} below {@code node} becomes {@code #/components/schemas/x}.
   */
  private static JsonNode rewriteRefs(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        if (f.getKey().equals("$ref") && f.getValue().asText().startsWith("#/$defs/")) {
          f.setValue(
              TextNode.valueOf(COMPONENTS + f.getValue().asText().substring("#/$defs/".length())));
        } else {
          rewriteRefs(f.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(ContractSchemas::rewriteRefs);
    }
    return node;
  }

  /** The command schema as published (with {@code params} any object). */
  ObjectNode command() {
    return command;
  }

  /** {@code command}, {@code resultEvent} and the hoisted definitions, in file order. */
  ObjectNode components() {
    ObjectNode all = Json.object();
    all.set(COMMAND, command.deepCopy());
    all.set(RESULT_EVENT, resultEvent.deepCopy());
    defs.properties()
        .forEach(
            d -> {
              if (all.has(d.getKey())) {
                throw new IllegalStateException("schema name '" + d.getKey() + "' used twice");
              }
              all.set(d.getKey(), d.getValue().deepCopy());
            });
    return all;
  }

  /** A result event's schema by its type ({@code record}, {@code completed}, {@code failed}). */
  JsonNode event(String type) {
    JsonNode def = defs.get(type);
    if (def == null) {
      throw new IllegalStateException("result-event.schema.json has no $defs/" + type);
    }
    return def;
  }

  static ObjectNode ref(String pointer) {
    return Json.object().put("$ref", pointer);
  }
}
