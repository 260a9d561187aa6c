package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading switchboard.yaml: sections, placeholders, the bootstrap override, bad files. */
class SwitchboardConfigTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("switchboard-" + System.nanoTime() + ".yaml"), text);
  }

  @Test
  void parsesKafkaHttpAndConnectorsAndSubstitutesPlaceholders() throws Exception {
    Path secret = Files.writeString(dir.resolve("iqr-key"), "  key-from-file\n\n");
    Path file =
        yaml(
            """
        kafka:
          bootstrap: ${BROKERS}
          topicPrefix: prod-sb
          partitions: 12
        http:
          port: 9191
        connectors:
          iqreseller:
            connections:
              acme:
                apiKey: ${ACME_KEY}
                baseUrl: https://${IQR_HOST}/webapi.svc/
                maxPageSize: 500
              globex:
                apiKey: ${file:%s}
        """
                .formatted(secret));
    SwitchboardConfig c =
        SwitchboardConfig.load(
            file,
            Map.of(
                "BROKERS",
                "k1:9092,k2:9092",
                "ACME_KEY",
                "acme-secret",
                "IQR_HOST",
                "api.example.com"));
    assertThat(c.bootstrap()).isEqualTo("k1:9092,k2:9092");
    assertThat(c.topicPrefix()).isEqualTo("prod-sb");
    assertThat(c.partitions()).isEqualTo(12);
    assertThat(c.httpPort()).isEqualTo(9191);
    assertThat(c.connections()).containsOnlyKeys("iqreseller");
    assertThat(c.connections().get("iqreseller")).containsOnlyKeys("acme", "globex");
    ObjectNode acme = c.connections().get("iqreseller").get("acme");
    assertThat(acme.path("apiKey").asText()).isEqualTo("acme-secret");
    assertThat(acme.path("baseUrl").asText()).isEqualTo("https://api.example.com/webapi.svc/");
    assertThat(acme.path("maxPageSize").isInt()).as("numbers stay numbers").isTrue();
    assertThat(acme.path("maxPageSize").asInt()).isEqualTo(500);
    assertThat(c.connections().get("iqreseller").get("globex").path("apiKey").asText())
        .isEqualTo("key-from-file");
  }

  @Test
  void anUnsetVariableIsAnErrorNamingOnlyTheVariable() throws Exception {
    Path file =
        yaml(
            """
        kafka:
          bootstrap: ${BROKERS}
        connectors:
          iqreseller:
            connections:
              acme: {apiKey: "${ACME_KEY}", sessionUrl: "${MISSING_VAR}"}
        """);
    assertThatThrownBy(
            () ->
                SwitchboardConfig.load(
                    file, Map.of("BROKERS", "broker-host:9092", "ACME_KEY", "acme-secret-value")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MISSING_VAR")
        .message()
        .doesNotContain("acme-secret-value")
        .doesNotContain("broker-host");
  }

  @Test
  void anUnreadableSecretFileIsAnErrorNamingThePath() throws Exception {
    Path missing = dir.resolve("no-such-secret");
    Path file =
        yaml(
            "connectors:\n  iqreseller:\n    connections:\n      acme:\n"
                + "        apiKey: ${file:"
                + missing
                + "}\n        other: ${OTHER}\n");
    assertThatThrownBy(() -> SwitchboardConfig.load(file, Map.of("OTHER", "other-secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString())
        .message()
        .doesNotContain("other-secret");
  }

  @Test
  void theBootstrapEnvironmentVariableWinsOverTheFile() throws Exception {
    Path file = yaml("kafka:\n  bootstrap: from-file:9092\n");
    assertThat(
            SwitchboardConfig.load(file, Map.of("SWITCHBOARD_KAFKA_BOOTSTRAP", "from-env:9092"))
                .bootstrap())
        .isEqualTo("from-env:9092");
    assertThat(SwitchboardConfig.load(file, Map.of()).bootstrap()).isEqualTo("from-file:9092");
    assertThat(
            SwitchboardConfig.load(
                    yaml("http:\n  port: 1\n"),
                    Map.of("SWITCHBOARD_KAFKA_BOOTSTRAP", "from-env:9092"))
                .bootstrap())
        .isEqualTo("from-env:9092");
  }

  @Test
  void withoutKafkaBootstrapTheEmbeddedBrokerIsMeantAndDefaultsApply() throws Exception {
    SwitchboardConfig c = SwitchboardConfig.load(yaml("kafka:\n  topicPrefix: x\n"), Map.of());
    assertThat(c.bootstrap()).isNull();
    assertThat(c.topicPrefix()).isEqualTo("x");
    assertThat(c.partitions()).isEqualTo(6);
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.connections()).isEmpty();
    assertThat(SwitchboardConfig.load(yaml("http:\n  port: 1\n"), Map.of()).topicPrefix())
        .isEqualTo("switchboard");
  }

  @Test
  void aTopLevelThatIsNotAMappingIsRefused() throws Exception {
    for (String text : new String[] {"- a\n- b\n", "just a string\n", "42\n", ""}) {
      Path file = yaml(text);
      assertThatThrownBy(() -> SwitchboardConfig.load(file, Map.of()))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("mapping");
    }
  }

  @Test
  void aConnectionThatIsNotAMappingIsRefused() throws Exception {
    Path file = yaml("connectors:\n  iqreseller:\n    connections:\n      acme: oops\n");
    assertThatThrownBy(() -> SwitchboardConfig.load(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectors.iqreseller.connections.acme");
  }
}
