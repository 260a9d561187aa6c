package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperationsCommandTest {
  @Test
  void listsEveryProviderAndItsOperations() {
    CliRun r = CliRun.of("operations");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("iqreseller\n", "accengage\n", "accountsiq\n");
    assertThat(r.out().lines())
        .anySatisfy(l -> assertThat(l).contains("salesOrders.list", "stream", "read"))
        .anySatisfy(l -> assertThat(l).contains("items.get", "single", "read"))
        .anySatisfy(l -> assertThat(l).contains("messages.send", "single", "write"));
  }

  @Test
  void oneProviderOnly() {
    CliRun r = CliRun.of("operations", "iqreseller");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("iqreseller\n").contains("inventory.count");
    assertThat(r.out()).doesNotContain("accengage", "messages.send");
  }

  @Test
  void jsonGivesEachOperationsParamsSchema() throws Exception {
    CliRun r = CliRun.of("operations", "iqreseller", "--json");

    assertThat(r.code()).isZero();
    JsonNode root = Json.parse(r.out().getBytes(StandardCharsets.UTF_8));
    JsonNode get = root.path("iqreseller").path("items.get");
    assertThat(get.path("kind").asText()).isEqualTo("single");
    assertThat(get.path("write").asBoolean()).isFalse();
    assertThat(get.path("params").path("type").asText()).isEqualTo("object");
    assertThat(get.path("params").path("properties").has("itemId")).isTrue();
    assertThat(root.path("iqreseller").path("salesOrders.list").path("kind").asText())
        .isEqualTo("stream");
  }

  @Test
  void anUnknownProviderIsAUsageError() {
    CliRun r = CliRun.of("operations", "nope");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown provider 'nope'", "iqreseller, ");
    assertThat(r.out()).isEmpty();
  }
}
