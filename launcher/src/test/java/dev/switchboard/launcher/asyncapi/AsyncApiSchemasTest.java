package dev.switchboard.launcher.asyncapi;

import static dev.switchboard.launcher.asyncapi.GeneratedDocument.CONNECTORS;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.DOCUMENT;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.FILES;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.sameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.OperationSpec;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Messages carry the operations' params schemas and the contract's schemas. */
class AsyncApiSchemasTest {
  private static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "$id",
          "title",
          "description",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "oneOf",
          "const",
          "minimum",
          "maximum",
          "minLength",
          "maxLength",
          "default");
  private static final Set<String> TYPES = Set.of("object", "string", "integer", "boolean");

  @Test
  void everyOperationHasAMessageWithItsParamsSchema() {
    CONNECTORS.forEach(
        (provider, connector) -> {
          JsonNode channel = DOCUMENT.path("channels").path(provider + ".commands");
          assertThat(channel.path("messages").size()).isEqualTo(connector.operations().size());
          for (OperationSpec spec : AsyncApiGenerator.specs(connector)) {
            String name = provider + "." + spec.name();
            JsonNode m = DOCUMENT.path("components").path("messages").path(name);
            assertThat(channel.path("messages").path(name).path("$ref").asText())
                .isEqualTo("#/components/messages/" + name);
            assertThat(m.path("name").asText()).isEqualTo(name);
            assertThat(m.path("description").asText()).startsWith(spec.description());
            assertThat(m.path("x-switchboard-write").asBoolean()).isEqualTo(spec.write());
            assertThat(m.path("x-switchboard-kind").asText())
                .isEqualTo(spec.kind().name().toLowerCase(java.util.Locale.ROOT));
            JsonNode payload = m.path("payload");
            assertThat(payload.at("/properties/operation/const").asText()).isEqualTo(spec.name());
            assertThat(payload.at("/properties/connection/$ref").asText()).endsWith("connection");
            JsonNode params = payload.at("/properties/params");
            assertThat(sameJson(params, spec.params().toJsonSchema()))
                .as("%s params: %s", name, params)
                .isTrue();
          }
        });
  }

  @Test
  void everyOperationSchemaFileIsItsParamsSchemaAndWellFormed() {
    CONNECTORS.forEach(
        (provider, connector) -> {
          for (OperationSpec spec : AsyncApiGenerator.specs(connector)) {
            String path = AsyncApiFiles.OPERATIONS + "/" + provider + "/" + spec.name() + ".json";
            ObjectNode file = (ObjectNode) GeneratedDocument.json(FILES.get(path));
            assertThat(file.path("$schema").asText()).contains("2020-12");
            wellFormed(file, path);
            ObjectNode params = file.deepCopy();
            params.remove(java.util.List.of("$schema", "$id", "title", "description"));
            assertThat(sameJson(params, spec.params().toJsonSchema())).as(path).isTrue();
          }
        });
  }

  /** A light meta-check: only the keywords Schema.toJsonSchema writes, used consistently. */
  private static void wellFormed(JsonNode schema, String where) {
    GeneratedDocument.names(schema)
        .forEach(k -> assertThat(KEYWORDS).as("keyword %s in %s", k, where).contains(k));
    if (schema.has("type")) {
      assertThat(TYPES).as(where).contains(schema.path("type").asText());
    }
    schema
        .path("required")
        .forEach(r -> assertThat(schema.path("properties").has(r.asText())).isTrue());
    schema
        .path("properties")
        .properties()
        .forEach(p -> wellFormed(p.getValue(), where + "/" + p.getKey()));
    schema.path("oneOf").forEach(s -> wellFormed(s, where + "/oneOf"));
    if (schema.has("minimum") && schema.has("maximum")) {
      assertThat(schema.path("minimum").asLong())
          .isLessThanOrEqualTo(schema.path("maximum").asLong());
    }
  }

  @Test
  void theContractSchemasAreCopiedWhole() throws Exception {
    JsonNode schemas = DOCUMENT.path("components").path("schemas");
    JsonNode command =
        GeneratedDocument.json(
            Files.readString(AsyncApiDocumentTest.DOCS.resolve("schemas/command.schema.json")));
    String events =
        Files.readString(AsyncApiDocumentTest.DOCS.resolve("schemas/result-event.schema.json"));
    JsonNode defs =
        GeneratedDocument.json(events.replace("#/$defs/", "#/components/schemas/")).path("$defs");
    assertThat(sameJson(schemas.path("command").path("properties"), command.path("properties")))
        .isTrue();
    for (String def : GeneratedDocument.names(defs)) {
      assertThat(sameJson(schemas.path(def), defs.path(def))).as(def).isTrue();
    }
    for (String type : ResultMessages.EVENTS) {
      assertThat(DOCUMENT.at("/components/messages/" + type + "/payload/$ref").asText())
          .isEqualTo("#/components/schemas/" + type);
    }
  }
}
