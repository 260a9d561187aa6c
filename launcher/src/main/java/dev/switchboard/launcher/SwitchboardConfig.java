package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML configuration of {@code switchboard run} (see docs/configuration.md). String values
 * may hold {@code ${ENV_VAR}} and {@code ${file:/path}} placeholders, resolved at load so that
 * secrets live in the environment or in mounted files, never in the YAML.
 *
 * @param bootstrap Kafka bootstrap servers, or null for the embedded broker
 * @param topicPrefix topic name prefix
 * @param partitions partitions of topics created at start
 * @param httpPort port of /health, /ready, /metrics
 * @param connections provider id, then connection id, then its settings
 */
public record SwitchboardConfig(String bootstrap, String topicPrefix, int partitions,
    int httpPort, Map<String, Map<String, ObjectNode>> connections) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** No file: embedded broker, default ports, no connections (the demo adds its own). */
  public static SwitchboardConfig empty() {
    return new SwitchboardConfig(null, "switchboard", 6, 8080, Map.of());
  }

  public static SwitchboardConfig load(Path file, Map<String, String> env) throws IOException {
    JsonNode root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected a YAML mapping at the top");
    }
    root = resolve(root, v -> substitute(v, env));
    JsonNode kafka = root.path("kafka");
    Map<String, Map<String, ObjectNode>> connections = new LinkedHashMap<>();
    root.path("connectors").fields().forEachRemaining(p -> {
      Map<String, ObjectNode> byName = new LinkedHashMap<>();
      p.getValue().path("connections").fields().forEachRemaining(c -> {
        if (!c.getValue().isObject()) {
          throw new IllegalArgumentException("connectors." + p.getKey() + ".connections."
              + c.getKey() + " must be a mapping");
        }
        byName.put(c.getKey(), (ObjectNode) c.getValue());
      });
      connections.put(p.getKey(), byName);
    });
    String bootstrap = env.getOrDefault("SWITCHBOARD_KAFKA_BOOTSTRAP",
        kafka.hasNonNull("bootstrap") ? kafka.get("bootstrap").asText() : null);
    return new SwitchboardConfig(bootstrap, kafka.path("topicPrefix").asText("switchboard"),
        kafka.path("partitions").asInt(6), root.path("http").path("port").asInt(8080),
        connections);
  }

  public SwitchboardConfig withBootstrap(String b) {
    return new SwitchboardConfig(b, topicPrefix, partitions, httpPort, connections);
  }

  public SwitchboardConfig withConnections(Map<String, Map<String, ObjectNode>> c) {
    return new SwitchboardConfig(bootstrap, topicPrefix, partitions, httpPort, c);
  }

  public SwitchboardConfig withHttpPort(int port) {
    return new SwitchboardConfig(bootstrap, topicPrefix, partitions, port, connections);
  }

  private static JsonNode resolve(JsonNode node, UnaryOperator<String> f) {
    if (node.isTextual()) {
      return TextNode.valueOf(f.apply(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode out = Json.object();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), f)));
      return out;
    }
    return node;
  }

  /** Replaces placeholders; an unset variable or unreadable file is an error naming the key only. */
  static String substitute(String value, Map<String, String> env) {
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String replacement;
      if (ref.startsWith("file:")) {
        try {
          replacement = Files.readString(Path.of(ref.substring(5))).strip();
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot read secret file " + ref.substring(5));
        }
      } else {
        replacement = env.get(ref);
        if (replacement == null) {
          throw new IllegalArgumentException("environment variable " + ref + " is not set");
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
