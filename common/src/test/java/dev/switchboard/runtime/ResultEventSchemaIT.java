package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.switchboard.json.Json;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Contract test: the commands a caller sends and every event the platform answers with match the
 * published JSON Schemas in docs/schemas (the module dir is the working directory).
 */
class ResultEventSchemaIT {
  private static final Path SCHEMAS = Path.of("..", "docs", "schemas");

  @Test
  void commandsAndEveryResultEventOfAMixedRunMatchThePublishedSchemas() throws Exception {
    JsonSchema commandSchema = load("command.schema.json");
    JsonSchema eventSchema = load("result-event.schema.json");
    List<ObjectNode> commands =
        List.of(
            RuntimeHarness.command("records", "c1", Json.object().put("count", 6)), // 6, completed
            RuntimeHarness.command(
                "records",
                "c1",
                Json.object().put("count", 40).put("pageSize", 15).put("padBytes", 20)),
            RuntimeHarness.command("echo", "c1", Json.object().put("value", "v")), // single: data
            RuntimeHarness.command("write", "c1", Json.object().put("key", "k1")),
            RuntimeHarness.command(
                    "fail",
                    "c1",
                    Json.object().put("code", "ITEM_NOT_FOUND").put("category", "NOT_FOUND"))
                .put("deadline", Instant.now().plusSeconds(600).toString()), // failed: NOT_FOUND
            RuntimeHarness.command("items.delete", "c1", null)); // failed: INVALID_COMMAND
    for (ObjectNode c : commands) {
      assertValid(commandSchema, c, "command " + c);
    }

    List<String> ids = new ArrayList<>();
    try (RuntimeHarness platform =
            RuntimeHarness.start(ScenarioConnector.ID, Map.of("c1", Json.object()), s -> s);
        TopicReader results = platform.results()) {
      for (ObjectNode c : commands) {
        ids.add(platform.send(c));
      }
      results.untilTerminal(ids, Duration.ofSeconds(90)).settle(Duration.ofSeconds(1));
      List<JsonNode> events = ids.stream().flatMap(id -> results.events(id).stream()).toList();
      assertThat(events).hasSize(7 + 41 + 1 + 1 + 1 + 1); // 6+1, 40+1, then one each
      assertThat(events)
          .extracting(e -> e.path("type").asText())
          .contains("record", "completed", "failed");
      assertThat(results.terminals(ids.get(4)).get(0).path("error").path("category").asText())
          .isEqualTo("NOT_FOUND");
      for (JsonNode e : events) {
        assertValid(eventSchema, e, "event " + e);
      }
    }
  }

  @Test
  void theSchemasRejectWhatTheContractForbids() throws Exception {
    JsonSchema commandSchema = load("command.schema.json");
    JsonSchema eventSchema = load("result-event.schema.json");
    assertInvalid(commandSchema, "{}");
    assertInvalid(commandSchema, "{\"id\":\"x\",\"operation\":\"items.list\"}"); // no connection
    assertInvalid(
        commandSchema,
        "{\"id\":\"x\",\"operation\":\"items.list\",\"connection\":\"acme\",\"colour\":\"red\"}");
    assertInvalid(
        commandSchema,
        "{\"id\":\"x\",\"operation\":\"items.list\",\"connection\":\"acme\","
            + "\"deadline\":\"tomorrow\"}"); // format assertions are on
    assertInvalid(eventSchema, "{}");
    assertInvalid(eventSchema, "{\"type\":\"bogus\",\"commandId\":\"x\"}");
    assertInvalid(eventSchema, "{\"type\":\"failed\",\"commandId\":\"x\"}"); // no error
  }

  private static JsonSchema load(String name) throws Exception {
    Path file = SCHEMAS.resolve(name);
    assertThat(file).as("schema file %s (written with the docs)", file.toAbsolutePath()).exists();
    JsonNode node = Json.parse(Files.readAllBytes(file));
    SpecVersion.VersionFlag version =
        SpecVersionDetector.detectOptionalVersion(node, false)
            .orElse(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return JsonSchemaFactory.getInstance(version)
        .getSchema(file.toAbsolutePath().normalize().toUri(), node, config);
  }

  private static void assertValid(JsonSchema schema, JsonNode node, String what) {
    Set<ValidationMessage> errors = schema.validate(node);
    assertThat(errors).as("%s violates %s", what, schema.getSchemaLocation()).isEmpty();
  }

  private static void assertInvalid(JsonSchema schema, String json) throws Exception {
    assertThat(schema.validate(Json.parse(json.getBytes())))
        .as("%s must be refused", json)
        .isNotEmpty();
  }
}
