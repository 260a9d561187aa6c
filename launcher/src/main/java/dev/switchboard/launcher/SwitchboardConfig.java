package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.spi.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The YAML configuration of {@code switchboard run} (docs/configuration.md). Values may hold {@code
 * ${ENV_VAR}} and {@code ${file:/path}} placeholders (see {@link Placeholders}), so that secrets
 * live in the environment or in mounted files, never in the YAML. Unknown keys are refused: a
 * misspelt setting is an error at start, not a silent default.
 *
 * @param bootstrap Kafka bootstrap servers, or null for the embedded broker
 * @param kafka the {@code kafka} section (topic prefix, partitions, replication, client properties)
 * @param runtime the {@code runtime} section (bounds and windows), possibly empty
 * @param httpPort port of /health, /ready, /metrics
 * @param connections provider id, then connection id, then its settings
 * @param logFormat {@code text} (the default) or {@code json}: the {@code logging.format} key
 */
public record SwitchboardConfig(
    String bootstrap,
    JsonNode kafka,
    JsonNode runtime,
    int httpPort,
    Map<String, Map<String, ObjectNode>> connections,
    String logFormat) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Set<String> TOP = Set.of("kafka", "runtime", "http", "connectors", "logging");
  static final Set<String> KAFKA =
      Set.of(
          "bootstrap",
          "topicPrefix",
          "partitions",
          "replicationFactor",
          "properties",
          "createTopics");
  static final Set<String> RUNTIME =
      Set.of(
          "maxInFlight",
          "maxInFlightPerConnection",
          "resultWindow",
          "resultWindowBytes",
          "maxCommandBytes",
          "shutdownGrace",
          "ledger",
          "ledgerRetention");

  /** No file: embedded broker, default ports, no connections (the demo adds its own). */
  public static SwitchboardConfig empty() {
    return new SwitchboardConfig(
        null, YAML.createObjectNode(), YAML.createObjectNode(), 8080, Map.of(), "text");
  }

  /** Reads {@code file}, resolving placeholders from {@code env}. */
  public static SwitchboardConfig load(Path file, Map<String, String> env) throws IOException {
    JsonNode root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected a YAML mapping at the top");
    }
    root = Placeholders.resolve(root, env);
    for (String section : TOP) {
      if (root.has(section) && !root.get(section).isObject()) {
        throw new IllegalArgumentException("'" + section + "' must be a mapping");
      }
    }
    known(root, TOP, "");
    known(root.path("kafka"), KAFKA, "kafka.");
    known(root.path("runtime"), RUNTIME, "runtime.");
    known(root.path("http"), Set.of("port"), "http.");
    known(root.path("logging"), Set.of("format"), "logging.");
    String logFormat = root.path("logging").path("format").asText("text");
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      throw new IllegalArgumentException("logging.format must be text or json");
    }
    Map<String, Map<String, ObjectNode>> connections = new LinkedHashMap<>();
    root.path("connectors")
        .fields()
        .forEachRemaining(
            p -> {
              known(p.getValue(), Set.of("connections"), "connectors." + p.getKey() + ".");
              Map<String, ObjectNode> byName = new LinkedHashMap<>();
              p.getValue()
                  .path("connections")
                  .fields()
                  .forEachRemaining(
                      c -> {
                        if (!c.getValue().isObject()) {
                          throw new IllegalArgumentException(
                              "connectors."
                                  + p.getKey()
                                  + ".connections."
                                  + c.getKey()
                                  + " must be a mapping");
                        }
                        byName.put(c.getKey(), (ObjectNode) c.getValue());
                      });
              connections.put(p.getKey(), byName);
            });
    JsonNode kafka = root.path("kafka");
    String bootstrap = kafka.hasNonNull("bootstrap") ? kafka.get("bootstrap").asText() : null;
    return new SwitchboardConfig(
            bootstrap, kafka, root.path("runtime"), port(root.path("http")), connections, logFormat)
        .withEnv(env);
  }

  /** {@code SWITCHBOARD_KAFKA_BOOTSTRAP} wins over the file (and applies without a file). */
  public SwitchboardConfig withEnv(Map<String, String> env) {
    String b = env.get("SWITCHBOARD_KAFKA_BOOTSTRAP");
    return b == null || b.isBlank() ? this : withBootstrap(b);
  }

  public String topicPrefix() {
    return kafka.path("topicPrefix").asText("switchboard");
  }

  public int partitions() {
    return positive(kafka, "kafka.", "partitions", 6);
  }

  /** A whole number from 1 to 2^31-1, written as a number or as text; refused otherwise. */
  private static int positive(JsonNode section, String path, String key, int dflt) {
    JsonNode v = section.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    String t = v.asText().trim();
    if ((v.isIntegralNumber() || v.isTextual()) && t.matches("\\d{1,10}")) {
      long n = Long.parseLong(t);
      if (n >= 1 && n <= Integer.MAX_VALUE) {
        return (int) n;
      }
    }
    throw new IllegalArgumentException(path + key + " must be a whole number of at least 1");
  }

  /** Runtime settings for {@code bootstrapServers}, with this file's overrides applied. */
  public RuntimeSettings settings(String bootstrapServers) {
    RuntimeSettings d = RuntimeSettings.defaults(bootstrapServers);
    RuntimeSettings s =
        d.withTopicPrefix(topicPrefix())
            .withPartitions(positive(kafka, "kafka.", "partitions", 6))
            .withReplicationFactor((short) positive(kafka, "kafka.", "replicationFactor", 1))
            .withBounds(
                positive(runtime, "runtime.", "maxInFlight", d.maxInFlight()),
                positive(
                    runtime, "runtime.", "maxInFlightPerConnection", d.maxInFlightPerConnection()),
                positive(runtime, "runtime.", "resultWindow", d.resultWindow()))
            .withResultWindowBytes(
                positive(runtime, "runtime.", "resultWindowBytes", d.resultWindowBytes()))
            .withMaxCommandBytes(
                positive(runtime, "runtime.", "maxCommandBytes", d.maxCommandBytes()));
    if (runtime.hasNonNull("shutdownGrace")) {
      var grace = Durations.tryParse(runtime.get("shutdownGrace").asText());
      if (grace == null) {
        throw new IllegalArgumentException("runtime.shutdownGrace is not a duration");
      }
      s = s.withShutdownGrace(grace);
    }
    if (runtime.has("ledger") || runtime.has("ledgerRetention")) {
      JsonNode on = runtime.path("ledger");
      if (!on.isMissingNode() && !on.isBoolean() && !on.asText().matches("true|false")) {
        throw new IllegalArgumentException("runtime.ledger must be true or false");
      }
      var retention =
          runtime.has("ledgerRetention")
              ? Durations.tryParse(runtime.get("ledgerRetention").asText())
              : s.ledgerRetention();
      if (retention == null) {
        throw new IllegalArgumentException("runtime.ledgerRetention is not a duration");
      }
      s = s.withLedger(on.isMissingNode() ? s.ledger() : on.asText().equals("true"), retention);
    }
    JsonNode create = kafka.get("createTopics");
    if (create != null && !create.isNull()) {
      String t = create.asText();
      if (!t.equals("true") && !t.equals("false")) {
        throw new IllegalArgumentException("kafka.createTopics must be true or false");
      }
      s = s.withCreateTopics(t.equals("true"));
    }
    Map<String, String> props = new LinkedHashMap<>();
    kafka
        .path("properties")
        .fields()
        .forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
    return s.withKafka(props);
  }

  public SwitchboardConfig withBootstrap(String b) {
    return new SwitchboardConfig(b, kafka, runtime, httpPort, connections, logFormat);
  }

  public SwitchboardConfig withHttpPort(int port) {
    return new SwitchboardConfig(bootstrap, kafka, runtime, port, connections, logFormat);
  }

  private static int port(JsonNode http) {
    JsonNode v = http.get("port");
    if (v == null || v.isNull()) {
      return 8080;
    }
    String t = v.asText().trim();
    if (t.matches("\\d{1,5}") && Integer.parseInt(t) <= 65_535) {
      return Integer.parseInt(t);
    }
    throw new IllegalArgumentException("http.port must be a port number");
  }

  private static void known(JsonNode section, Set<String> keys, String path) {
    section
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!keys.contains(k)) {
                throw new IllegalArgumentException(
                    "unknown setting '" + path + k + "'; known: " + new java.util.TreeSet<>(keys));
              }
            });
  }
}
