package dev.switchboard.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.log.LogValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLineEncoderTest {
  private final LoggerContext context = new LoggerContext();
  private final JsonLineEncoder encoder = new JsonLineEncoder();

  private JsonNode encode(String template, Object... args) throws Exception {
    LoggingEvent e =
        new LoggingEvent(
            "x",
            context.getLogger("dev.switchboard.runtime.CommandIntake"),
            Level.INFO,
            template,
            null,
            args);
    String line = new String(encoder.encode(e), StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n").doesNotContain("\n\n");
    assertThat(line.indexOf('\n')).as("one line").isEqualTo(line.length() - 1);
    return Json.parse(line.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachKeyOfAKeyValueTemplateIsAFieldWithItsValue() throws Exception {
    JsonNode n =
        encode(
            "event=command.{} provider={} command={} records={}",
            "completed",
            "iqreseller",
            "c1",
            42);
    assertThat(n.path("event").asText()).isEqualTo("command.completed");
    assertThat(n.path("provider").asText()).isEqualTo("iqreseller");
    assertThat(n.path("command").asText()).isEqualTo("c1");
    assertThat(n.path("records").asText()).isEqualTo("42");
    assertThat(n.path("level").asText()).isEqualTo("INFO");
    assertThat(n.path("logger").asText()).isEqualTo("CommandIntake");
    assertThat(n.has("message")).isFalse();
  }

  @Test
  void noCommandValueCanForgeALineOrAField() throws Exception {
    String forged = "x\n{\"level\":\"ERROR\",\"event\":\"command.completed\"} provider=evil";
    JsonNode n = encode("event=command.failed operation={} code={}", LogValue.of(forged), "E");
    assertThat(n.path("event").asText()).isEqualTo("command.failed");
    assertThat(n.path("code").asText()).isEqualTo("E");
    assertThat(n.path("provider").isMissingNode()).isTrue();
    assertThat(n.path("operation").asText()).contains("provider=evil");
  }

  @Test
  void aMessageThatIsNotKeyValuesIsKeptWholeAsTheMessage() throws Exception {
    JsonNode n = encode("Kafka version: {}", "4.3.1");
    assertThat(n.path("message").asText()).isEqualTo("Kafka version: 4.3.1");
    assertThat(n.path("time").asText()).isNotBlank();
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheChoices() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogFormat.use("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text or json");
  }
}
