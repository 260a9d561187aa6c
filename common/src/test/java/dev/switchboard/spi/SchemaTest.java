package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import org.junit.jupiter.api.Test;

class SchemaTest {
  private final Schema schema =
      Schema.builder()
          .requiredString("customer", "customer id")
          .integer("pageSize", 1, 2000, 500L, "records per page")
          .bool("includeLines", false, null)
          .duration("timeout", "30s", null)
          .string("status", "open", null)
          .optionalString("note", null)
          .field(new Schema.Field("filter", Schema.Type.OBJECT, false, null, null, null, null))
          .build();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(text);
  }

  /** Compares serialised forms: numbers built in code are longs, parsed ones ints. */
  private static void assertJson(JsonNode actual, String expected) throws Exception {
    assertThat(Json.text(actual)).isEqualTo(Json.text(Json.MAPPER.readTree(expected)));
  }

  private String problems(String input) throws Exception {
    ObjectNode in = json(input);
    SwitchboardException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SwitchboardException.class, () -> schema.validate(in));
    assertThat(e.code()).isEqualTo("INVALID_PARAMS");
    assertThat(e.category()).isEqualTo(Category.INVALID_COMMAND);
    assertThat(e.retryable()).isFalse();
    return e.getMessage();
  }

  /**
   * A guard: values that did not come through the command parser's bounds (connection config, a
   * test's own nodes) are judged from their scale and magnitude, never expanded. Converting
   * 1e100000 to a BigInteger or a long, or printing it plain, would take 100,000 digits.
   */
  @Test
  void hugeNumbersAreJudgedWithoutExpandingThem() {
    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true);
    String message =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(5),
            () -> {
              ObjectNode in = Json.object().put("customer", "c1");
              in.set("pageSize", nodes.numberNode(new java.math.BigDecimal("1e100000")));
              in.set("timeout", nodes.numberNode(new java.math.BigDecimal("-1e-999999999")));
              in.set("status", nodes.numberNode(new java.math.BigInteger("7".repeat(5_000))));
              in.set("note", nodes.numberNode(new java.math.BigDecimal("1e999999999")));
              SwitchboardException e =
                  org.junit.jupiter.api.Assertions.assertThrows(
                      SwitchboardException.class, () -> schema.validate(in));
              return e.getMessage();
            });
    assertThat(message)
        .contains("'pageSize' must be an integer")
        .contains("'timeout' must be a duration")
        .doesNotContain("'status'")
        .doesNotContain("'note'")
        .hasSizeLessThan(500);
  }

  @Test
  void defaultsAreAppliedWithoutTouchingTheInput() throws Exception {
    ObjectNode in = json("{\"customer\":\"c1\"}");
    ObjectNode out = schema.validate(in);

    assertJson(
        out,
        """
        {"customer":"c1","pageSize":500,"includeLines":false,"timeout":"30s","status":"open"}""");
    assertThat(out.has("note")).isFalse();
    assertJson(in, "{\"customer\":\"c1\"}");
  }

  @Test
  void givenValuesWinOverDefaultsAndNullMeansAbsent() throws Exception {
    ObjectNode out =
        schema.validate(
            json(
                """
        {"customer":"c1","pageSize":2000,"includeLines":true,"timeout":null,"note":"n",
         "filter":{"a":1}}"""));
    assertThat(out.get("pageSize").asInt()).isEqualTo(2000);
    assertThat(out.get("includeLines").asBoolean()).isTrue();
    assertThat(out.get("timeout").asText()).isEqualTo("30s");
    assertThat(out.get("note").asText()).isEqualTo("n");
    assertThat(out.get("filter").get("a").asInt()).isEqualTo(1);
  }

  @Test
  void unknownParameterIsRefused() throws Exception {
    assertThat(problems("{\"customer\":\"c1\",\"pagesize\":5}"))
        .isEqualTo("unknown parameter 'pagesize'");
  }

  @Test
  void missingOrNullRequiredParameterIsRefused() throws Exception {
    assertThat(problems("{}")).isEqualTo("'customer' is required");
    assertThat(problems("{\"customer\":null}")).isEqualTo("'customer' is required");
  }

  @Test
  void integerBoundsAreInclusive() throws Exception {
    assertThat(schema.validate(json("{\"customer\":\"c\",\"pageSize\":1}")).get("pageSize").asInt())
        .isEqualTo(1);
    assertThat(problems("{\"customer\":\"c\",\"pageSize\":0}"))
        .isEqualTo("'pageSize' must be between 1 and 2000");
    assertThat(problems("{\"customer\":\"c\",\"pageSize\":2001}"))
        .isEqualTo("'pageSize' must be between 1 and 2000");
  }

  @Test
  void wrongTypesAreRefused() throws Exception {
    assertThat(problems("{\"customer\":\"c\",\"pageSize\":\"ten\"}"))
        .endsWith("must be an integer");
    assertThat(problems("{\"customer\":\"c\",\"pageSize\":1.5}")).endsWith("must be an integer");
    assertThat(problems("{\"customer\":\"c\",\"includeLines\":\"yes\"}"))
        .isEqualTo("'includeLines' must be true or false");
    assertThat(problems("{\"customer\":true}")).isEqualTo("'customer' must be a string");
    assertThat(problems("{\"customer\":\"c\",\"timeout\":\"soon\"}"))
        .isEqualTo("'timeout' must be a duration such as 500ms, 30s, 20m or PT20M");
    assertThat(problems("{\"customer\":\"c\",\"filter\":[1]}"))
        .isEqualTo("'filter' must be an object");
    assertThat(problems("{\"customer\":\"\"}")).isEqualTo("'customer' must be 1 to 500 characters");
  }

  @Test
  void allProblemsAreReportedInOneMessage() throws Exception {
    assertThat(problems("{\"bogus\":1,\"pageSize\":0,\"includeLines\":1}"))
        .isEqualTo(
            "unknown parameter 'bogus'; 'customer' is required; "
                + "'pageSize' must be between 1 and 2000; 'includeLines' must be true or false");
  }

  @Test
  void jsonSchemaDescribesTheFields() throws Exception {
    ObjectNode s = schema.toJsonSchema();

    assertThat(s.get("type").asText()).isEqualTo("object");
    assertThat(s.get("additionalProperties").isBoolean()).isTrue();
    assertThat(s.get("additionalProperties").asBoolean()).isFalse();
    assertThat(s.get("required")).isEqualTo(Json.array().add("customer"));
    JsonNode props = s.get("properties");
    assertThat(props.size()).isEqualTo(7);
    assertJson(
        props.get("pageSize"),
        """
        {"type":"integer","minimum":1,"maximum":2000,"default":500,
         "description":"records per page"}""");
    assertJson(
        props.get("customer"),
        """
        {"type":"string","minLength":1,"maxLength":500,"description":"customer id"}""");
    assertJson(props.get("includeLines"), "{\"type\":\"boolean\",\"default\":false}");
    assertJson(props.get("timeout"), "{\"type\":\"string\",\"default\":\"30s\"}");
    assertJson(props.get("filter"), "{\"type\":\"object\"}");
  }

  @Test
  void schemaWithoutRequiredFieldsHasNoRequiredList() {
    ObjectNode s = Schema.builder().bool("x", true, null).build().toJsonSchema();
    assertThat(s.has("required")).isFalse();
    assertThatThrownBy(() -> Schema.builder().build().validate(Json.object().put("x", 1)))
        .isInstanceOf(SwitchboardException.class)
        .hasMessage("unknown parameter 'x'");
  }

  @Test
  void integerAndBooleanTextIsTypedBecauseConfigPlaceholdersAreText() throws Exception {
    var out =
        schema.validate(
            (com.fasterxml.jackson.databind.node.ObjectNode)
                dev.switchboard.json.Json.MAPPER.readTree(
                    "{\"customer\":\"c\",\"pageSize\":\"10\",\"includeLines\":\"true\"}"));
    assertThat(out.get("pageSize").isIntegralNumber()).isTrue();
    assertThat(out.get("pageSize").asInt()).isEqualTo(10);
    assertThat(out.get("includeLines").isBoolean()).isTrue();
  }

  private static final Schema AUTH =
      Schema.builder()
          .oneOf(
              "auth",
              "kind",
              java.util.Map.of(
                  "login",
                      Schema.builder()
                          .requiredString("kind", "login")
                          .secret("userKey", "key")
                          .integer("retries", 0, 5, 2L, null)
                          .build(),
                  "app",
                      Schema.builder()
                          .requiredString("kind", "app")
                          .requiredString("clientId", "id")
                          .build()),
              "how to log in")
          .optionalDuration("refresh", "renew after")
          .requestTimeout("90s")
          .build();

  @Test
  void aNestedObjectIsCheckedAgainstTheShapeItsDiscriminatorNames() throws Exception {
    var out = AUTH.validate(json("{\"auth\":{\"kind\":\"login\",\"userKey\":\"k\"}}"));
    assertJson(
        out,
        "{\"auth\":{\"kind\":\"login\",\"userKey\":\"k\",\"retries\":2},"
            + "\"requestTimeout\":\"90s\"}");
    var config = new ConnectionConfig("c", out);
    assertThat(config.object("auth").secret("userKey").reveal()).isEqualTo("k");
    assertThat(config.object("auth").toString()).doesNotContain("k\"");
    assertThat(config.duration("refresh")).isNull(); // optional, no default
    assertThat(config.duration(Schema.REQUEST_TIMEOUT)).isEqualTo(java.time.Duration.ofSeconds(90));
  }

  @Test
  void nestedProblemsNameTheirPathAndAnUnknownKindListsTheKinds() {
    assertThatThrownBy(() -> AUTH.validate(json("{\"auth\":{\"kind\":\"app\",\"userKey\":1}}")))
        .hasMessage("unknown parameter 'auth.userKey'; 'auth.clientId' is required");
    assertThatThrownBy(() -> AUTH.validate(json("{\"auth\":{\"kind\":\"oauth\"}}")))
        .hasMessage("'auth.kind' must be one of app, login");
    assertThatThrownBy(() -> AUTH.validate(json("{\"auth\":\"login\"}")))
        .hasMessage("'auth' must be an object");
    assertThatThrownBy(() -> AUTH.validate(json("{}"))).hasMessage("'auth' is required");
  }

  @Test
  void theJsonSchemaOfANestedObjectIsOneOfItsShapes() {
    JsonNode auth = AUTH.toJsonSchema().path("properties").path("auth");
    assertThat(auth.path("type").asText()).isEqualTo("object");
    assertThat(auth.path("oneOf")).hasSize(2);
    assertThat(auth.path("oneOf").get(0).path("properties").path("kind").path("const").asText())
        .isEqualTo("app");
    assertThat(auth.path("oneOf").get(1).path("required").toString())
        .isEqualTo("[\"kind\",\"userKey\"]");
  }
}
