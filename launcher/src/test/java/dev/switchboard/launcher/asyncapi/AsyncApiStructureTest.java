package dev.switchboard.launcher.asyncapi;

import static dev.switchboard.launcher.asyncapi.GeneratedDocument.CONNECTORS;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.DOCUMENT;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.names;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The document's structure, checked with our own assertions: no AsyncAPI 3.0 meta-schema and no
 * JSON Schema validator are on this module's class path.
 */
class AsyncApiStructureTest {
  /** What AsyncAPI 3.0 allows as a component key. */
  private static final Pattern COMPONENT_KEY = Pattern.compile("^[\\w.\\-]+$");

  private static final List<String> KINDS = List.of("commands", "results", "dlq");

  @Test
  void itIsAnAsyncApi300DocumentOfTheProjectVersion() {
    assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(DOCUMENT.path("info").path("title").asText()).isEqualTo("Switchboard");
    assertThat(DOCUMENT.path("info").path("version").asText()).isEqualTo("0.1.0");
    JsonNode kafka = DOCUMENT.path("servers").path("kafka");
    assertThat(kafka.path("host").asText()).isEqualTo("localhost:9092");
    assertThat(kafka.path("protocol").asText()).isEqualTo("kafka");
    assertThat(kafka.path("description").asText()).containsIgnoringCase("example");
  }

  @Test
  void theDocumentedConnectorsAreThePlatformsNotTheTestOnes() {
    assertThat(CONNECTORS).containsKeys("accengage", "accountsiq", "iqreseller");
    assertThat(CONNECTORS).doesNotContainKey("scenario"); // common's test jar is on this path
  }

  @Test
  void everyDiscoveredProviderHasItsThreeChannels() {
    List<String> expected = new ArrayList<>();
    for (String provider : CONNECTORS.keySet()) {
      for (String kind : KINDS) {
        String id = provider + "." + kind;
        expected.add(id);
        JsonNode channel = DOCUMENT.path("channels").path(id);
        assertThat(channel.path("address").asText()).isEqualTo("switchboard." + id);
        assertThat(channel.path("description").asText()).contains("kafka.topicPrefix");
        assertThat(channel.path("messages").size()).as(id).isPositive();
      }
    }
    assertThat(names(DOCUMENT.path("channels"))).containsExactlyElementsOf(expected);
  }

  @Test
  void theCallerSendsCommandsAndReceivesResultsAndDeadLetters() {
    for (String provider : CONNECTORS.keySet()) {
      JsonNode ops = DOCUMENT.path("operations");
      assertOperation(ops.path(provider + ".sendCommand"), "send", provider + ".commands");
      assertOperation(ops.path(provider + ".receiveResults"), "receive", provider + ".results");
      assertOperation(ops.path(provider + ".receiveDeadLetters"), "receive", provider + ".dlq");
      JsonNode reply = ops.path(provider + ".sendCommand").path("reply");
      String results = "#/channels/" + provider + ".results";
      assertThat(reply.path("channel").path("$ref").asText()).isEqualTo(results);
      assertThat(reply.path("messages").findValuesAsText("$ref"))
          .containsExactly(
              results + "/messages/record",
              results + "/messages/completed",
              results + "/messages/failed");
    }
    assertThat(DOCUMENT.path("operations").size()).isEqualTo(3 * CONNECTORS.size());
  }

  private static void assertOperation(JsonNode op, String action, String channelId) {
    String channel = "#/channels/" + channelId;
    assertThat(op.path("action").asText()).as(channelId).isEqualTo(action);
    assertThat(op.path("channel").path("$ref").asText()).isEqualTo(channel);
    List<String> messages = op.path("messages").findValuesAsText("$ref");
    List<String> expected = new ArrayList<>();
    names(resolve(channel).path("messages")).forEach(m -> expected.add(channel + "/messages/" + m));
    assertThat(messages).as("%s lists every message of its channel", channelId).isEqualTo(expected);
  }

  @Test
  void everyReferenceResolvesInsideTheDocument() {
    List<String> refs = new ArrayList<>();
    GeneratedDocument.refs(DOCUMENT, refs);
    assertThat(refs).isNotEmpty().allMatch(r -> r.startsWith("#/"), "local");
    for (String ref : refs) {
      assertThat(resolve(ref).isMissingNode()).as("%s resolves", ref).isFalse();
    }
  }

  @Test
  void componentKeysAreWhatAsyncApiAllows() {
    DOCUMENT
        .path("components")
        .properties()
        .forEach(
            section ->
                assertThat(names(section.getValue()))
                    .as(section.getKey())
                    .isNotEmpty()
                    .allMatch(k -> COMPONENT_KEY.matcher(k).matches()));
  }

  @Test
  void kafkaMessageKeysAreTheConnectionIdForCommandsAndTheCommandIdForResults() {
    JsonNode bindings = DOCUMENT.path("components").path("messageBindings");
    assertThat(bindings.at("/command/kafka/key/description").asText()).contains("connection id");
    assertThat(bindings.at("/resultEvent/kafka/key/description").asText()).contains("command id");
    assertThat(bindings.findValuesAsText("bindingVersion")).containsOnly("0.5.0");
    for (String provider : CONNECTORS.keySet()) {
      DOCUMENT
          .path("channels")
          .path(provider + ".commands")
          .path("messages")
          .forEach(
              m ->
                  assertThat(resolve(m.path("$ref").asText()).at("/bindings/$ref").asText())
                      .isEqualTo("#/components/messageBindings/command"));
    }
  }
}
