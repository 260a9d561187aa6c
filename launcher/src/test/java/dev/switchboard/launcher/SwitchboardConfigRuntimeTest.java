package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.RuntimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime and Kafka client sections, typed placeholders, and refusal of unknown keys. */
class SwitchboardConfigRuntimeTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("c.yaml"), text);
  }

  @Test
  void runtimeBoundsReplicationAndKafkaClientPropertiesReachTheSettings() throws Exception {
    SwitchboardConfig c =
        SwitchboardConfig.load(
            yaml(
                """
        kafka:
          bootstrap: b:9093
          replicationFactor: 3
          properties:
            security.protocol: SASL_SSL
            sasl.jaas.config: ${JAAS}
        runtime:
          maxInFlight: 64
          maxInFlightPerConnection: 8
          shutdownGrace: 45s
        """),
            Map.of("JAAS", "org.example.Login required;"));
    RuntimeSettings s = c.settings(c.bootstrap());
    assertThat(s.bootstrap()).isEqualTo("b:9093");
    assertThat(s.replicationFactor()).isEqualTo((short) 3);
    assertThat(s.maxInFlight()).isEqualTo(64);
    assertThat(s.maxInFlightPerConnection()).isEqualTo(8);
    assertThat(s.resultWindow()).isEqualTo(RuntimeSettings.defaults("x").resultWindow());
    assertThat(s.shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.kafka())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", "org.example.Login required;");
  }

  @Test
  void theLedgerIsOnForAWeekUnlessTheFileSaysOtherwise() throws Exception {
    RuntimeSettings dflt = SwitchboardConfig.load(yaml("runtime: {}\n"), Map.of()).settings("b");
    assertThat(dflt.ledger()).isTrue();
    assertThat(dflt.ledgerRetention()).isEqualTo(Duration.ofDays(7));
    SwitchboardConfig c =
        SwitchboardConfig.load(
            yaml(
                """
        runtime:
          ledger: false
          ledgerRetention: 30d
        """),
            Map.of());
    assertThat(c.settings("b").ledger()).isFalse();
    assertThat(c.settings("b").ledgerRetention()).isEqualTo(Duration.ofDays(30));
    SwitchboardConfig bad = SwitchboardConfig.load(yaml("runtime: {ledger: maybe}\n"), Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bad.settings("b"))
        .hasMessageContaining("runtime.ledger");
  }

  @Test
  void topicsManagedElsewhereAndTheLogFormatAreSettings() throws Exception {
    SwitchboardConfig dflt = SwitchboardConfig.load(yaml("kafka: {}\n"), Map.of());
    assertThat(dflt.settings("b").createTopics()).isTrue();
    assertThat(dflt.logFormat()).isEqualTo("text");
    SwitchboardConfig c =
        SwitchboardConfig.load(
            yaml(
                """
        kafka:
          createTopics: false
        logging:
          format: json
        """),
            Map.of());
    assertThat(c.settings("b").createTopics()).isFalse();
    assertThat(c.logFormat()).isEqualTo("json");
    assertThatThrownBy(() -> SwitchboardConfig.load(yaml("logging: {format: xml}\n"), Map.of()))
        .hasMessageContaining("logging.format must be text or json");
    SwitchboardConfig maybe =
        SwitchboardConfig.load(yaml("kafka: {createTopics: maybe}\n"), Map.of());
    assertThatThrownBy(() -> maybe.settings("b")).hasMessageContaining("kafka.createTopics");
  }

  @Test
  void placeholdersStayTextExactlyAsGivenAlsoInLists() throws Exception {
    SwitchboardConfig c =
        SwitchboardConfig.load(
            yaml(
                """
        connectors:
          iqreseller:
            connections:
              acme:
                apiKey: ${KEY}
                maxPageSize: ${PAGE}
                note: page ${PAGE}
                tags: [ "${KEY}" ]
        """),
            Map.of("KEY", "007", "PAGE", "500"));
    var acme = c.connections().get("iqreseller").get("acme");
    assertThat(acme.get("apiKey").asText()).isEqualTo("007"); // a secret keeps its zeros
    assertThat(acme.get("maxPageSize").asText()).isEqualTo("500"); // typed by the schema
    assertThat(acme.get("note").asText()).isEqualTo("page 500");
    assertThat(acme.get("tags").get(0).asText()).isEqualTo("007");
    var checked =
        new dev.switchboard.iqreseller.IqResellerConnector()
            .configSpec()
            .validate(
                (com.fasterxml.jackson.databind.node.ObjectNode)
                    acme.deepCopy().without(java.util.List.of("note", "tags")));
    assertThat(checked.get("maxPageSize").isIntegralNumber()).isTrue();
    assertThat(checked.get("maxPageSize").asInt()).isEqualTo(500);
    assertThat(checked.get("apiKey").asText()).isEqualTo("007");
  }

  @Test
  void unknownKeysAreRefusedByName() throws Exception {
    for (String text :
        new String[] {
          "kafka:\n  bootstrapp: x\n",
          "runtime:\n  maxInflight: 1\n",
          "metrics:\n  port: 1\n",
          "connectors:\n  iqreseller:\n    conections: {}\n"
        }) {
      assertThatThrownBy(() -> SwitchboardConfig.load(yaml(text), Map.of()))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown setting");
    }
  }

  @Test
  void theBootstrapEnvironmentOverrideAppliesWithoutAFileToo() {
    assertThat(
            SwitchboardConfig.empty()
                .withEnv(Map.of("SWITCHBOARD_KAFKA_BOOTSTRAP", "e:1"))
                .bootstrap())
        .isEqualTo("e:1");
    assertThat(SwitchboardConfig.empty().withEnv(Map.of()).bootstrap()).isNull();
  }

  @Test
  void numbersAreCheckedNotGuessed() throws Exception {
    for (String text :
        new String[] {
          "runtime:\n  maxInFlight: lots\n",
          "runtime:\n  maxInFlight: 0\n",
          "runtime:\n  resultWindow: -5\n",
          "runtime:\n  maxInFlight: 1.9\n",
          "kafka:\n  partitions: 99999999999\n",
          "http:\n  port: 70000\n",
          "runtime: 5\n"
        }) {
      assertThatThrownBy(
              () -> {
                SwitchboardConfig c = SwitchboardConfig.load(yaml(text), Map.of());
                c.settings("b:1");
              })
          .as(text)
          .isInstanceOf(IllegalArgumentException.class);
    }
    SwitchboardConfig c =
        SwitchboardConfig.load(yaml("runtime:\n  maxInFlight: ${N}\n"), Map.of("N", "12"));
    assertThat(c.settings("b:1").maxInFlight()).isEqualTo(12);
  }
}
