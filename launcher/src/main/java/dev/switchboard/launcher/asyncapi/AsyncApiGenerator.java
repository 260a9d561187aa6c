package dev.switchboard.launcher.asyncapi;

import static dev.switchboard.launcher.asyncapi.ContractSchemas.ref;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.launcher.Main;
import dev.switchboard.runtime.Switchboard;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * Builds the AsyncAPI 3.0.0 document of the platform from the connectors' operation specs: per
 * provider a commands, a results and a dlq channel, one message per operation, and the caller's
 * operations (send commands, receive results and dead letters). Providers and operations are sorted
 * by name, so the same connectors always give the same document.
 */
public final class AsyncApiGenerator {
  /** Package of the test-support connectors (common's test jar), which are not the platform's. */
  private static final String TEST_CONNECTORS = "dev.switchboard.testing.";

  private final Map<String, ProviderConnector<?>> connectors;
  private final ContractSchemas schemas;

  AsyncApiGenerator(Map<String, ProviderConnector<?>> connectors, Path docsDir) {
    this.connectors = new TreeMap<>(connectors);
    this.schemas = ContractSchemas.load(docsDir);
  }

  /** The connectors on the class path, by id, without the test-support ones. */
  public static Map<String, ProviderConnector<?>> platformConnectors() {
    Map<String, ProviderConnector<?>> found = new TreeMap<>(Switchboard.discover());
    found.values().removeIf(c -> c.getClass().getName().startsWith(TEST_CONNECTORS));
    return found;
  }

  /** A connector's operation specs, sorted by name. */
  static List<OperationSpec> specs(ProviderConnector<?> connector) {
    return connector.operations().values().stream()
        .map(op -> op.spec())
        .sorted(Comparator.comparing(OperationSpec::name))
        .toList();
  }

  /** The version of {@code switchboard --version}, e.g. {@code 0.1.0}. */
  static String version() {
    String[] v = Main.class.getAnnotation(CommandLine.Command.class).version();
    return v[0].substring(v[0].lastIndexOf(' ') + 1);
  }

  ObjectNode document() {
    ObjectNode doc = Json.object().put("asyncapi", "3.0.0");
    ObjectNode info = doc.putObject("info").put("title", "Switchboard").put("version", version());
    info.put(
        "description",
        "The Kafka interface of the Switchboard connectors: commands in, result events out"
            + " (docs/message-contract.md). Generated from the connectors' operation specs by"
            + " dev.switchboard.launcher.asyncapi.AsyncApiMain; do not edit by hand. Topic"
            + " addresses show the default prefix: every topic is <prefix>.<provider>.<kind>,"
            + " <prefix> being kafka.topicPrefix (default switchboard). The channel bindings"
            + " show how Switchboard creates a missing topic by default (kafka.partitions,"
            + " kafka.replicationFactor).");
    doc.put("defaultContentType", "application/json");
    doc.putObject("servers")
        .putObject("kafka")
        .put("host", "localhost:9092")
        .put("protocol", "kafka")
        .put(
            "description",
            "An example: the broker switchboard run embeds when kafka.bootstrap is not set."
                + " Use your own bootstrap servers.");
    ObjectNode channels = doc.putObject("channels");
    ObjectNode operations = doc.putObject("operations");
    ObjectNode components = doc.putObject("components");
    ObjectNode componentSchemas = schemas.components();
    components.set("schemas", componentSchemas);
    ResultMessages.headers(componentSchemas);
    ObjectNode messages = components.putObject("messages");
    connectors.forEach(
        (provider, connector) -> {
          ObjectNode commands =
              channel(channels, provider, "commands", "Commands, keyed by connection id.");
          for (OperationSpec spec : specs(connector)) {
            String name = CommandMessages.name(provider, spec);
            messages.set(name, CommandMessages.message(provider, spec, schemas.command()));
            commands.withObjectProperty("messages").set(name, message(name));
          }
          ObjectNode results =
              channel(
                  channels,
                  provider,
                  "results",
                  "Result events, keyed by command id. A command naming a reply topic (replyTo,"
                      + " or the kafka_replyTopic header) gets the same events there instead.");
          ResultMessages.EVENTS.forEach(
              t -> results.withObjectProperty("messages").set(t, message(t)));
          ObjectNode dlq =
              channel(
                  channels,
                  provider,
                  "dlq",
                  "Records of the commands topic that cannot be answered.");
          dlq.putObject("messages")
              .set(ResultMessages.DEAD_LETTER, message(ResultMessages.DEAD_LETTER));
          CallerOperations.add(operations, provider, commands, results, dlq);
        });
    ResultMessages.messages(messages, schemas);
    ResultMessages.keysAndCorrelation(components);
    CallerOperations.channelBindings(components);
    return doc;
  }

  private static ObjectNode message(String name) {
    return ref("#/components/messages/" + name);
  }

  private static ObjectNode channel(
      ObjectNode channels, String provider, String kind, String description) {
    ObjectNode channel = channels.putObject(channelId(provider, kind));
    channel.put("address", "switchboard." + provider + "." + kind);
    channel.put("title", provider + " " + kind);
    channel.put(
        "description",
        description
            + " The address shows the default topic prefix: the topic is <prefix>."
            + provider
            + "."
            + kind
            + ", <prefix> being kafka.topicPrefix.");
    channel.set("bindings", ref("#/components/channelBindings/topic"));
    return channel;
  }

  static String channelId(String provider, String kind) {
    return provider + "." + kind;
  }
}
