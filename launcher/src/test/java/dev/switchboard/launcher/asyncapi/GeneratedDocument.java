package dev.switchboard.launcher.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ProviderConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The generated files, read back as a reader of docs/asyncapi.yaml would read them. */
final class GeneratedDocument {
  static final Map<String, ProviderConnector<?>> CONNECTORS =
      AsyncApiGenerator.platformConnectors();
  static final Map<String, String> FILES =
      AsyncApiFiles.render(CONNECTORS, AsyncApiDocumentTest.DOCS);
  static final JsonNode DOCUMENT = yaml(FILES.get(AsyncApiFiles.DOCUMENT));

  /** Numbers equal by value (YAML reads 1 as an int, the schemas hold longs), the rest exactly. */
  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  private GeneratedDocument() {}

  static JsonNode yaml(String text) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals(BY_VALUE, b);
  }

  /** The node a local {@code $ref} ({@code #/a/b}) points to; missing when it points nowhere. */
  static JsonNode resolve(String ref) {
    return DOCUMENT.at(ref.substring(1));
  }

  /** An object's member names, in order. */
  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The names of every {@code properties} member of every schema below {@code node}. */
  static void propertyNames(JsonNode node, java.util.Set<String> into) {
    node.properties()
        .forEach(
            e -> {
              if (e.getKey().equals("properties") && e.getValue().isObject()) {
                into.addAll(names(e.getValue()));
              }
              propertyNames(e.getValue(), into);
            });
    if (node.isArray()) {
      node.forEach(n -> propertyNames(n, into));
    }
  }

  /** Every {@code $ref} value anywhere below {@code node}. */
  static void refs(JsonNode node, List<String> into) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  into.add(e.getValue().asText());
                } else {
                  refs(e.getValue(), into);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> refs(n, into));
    }
  }
}
