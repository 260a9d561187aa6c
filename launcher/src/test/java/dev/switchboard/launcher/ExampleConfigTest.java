package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.runtime.Switchboard;
import dev.switchboard.spi.ProviderConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/switchboard.example.yaml loads as it is, and names every key there is: every section's known
 * keys, and every connection key of every connector (both AccountsIQ auth kinds).
 */
class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of("..", "docs", "switchboard.example.yaml");

  @Test
  void theExampleLoadsAndNamesEveryKey(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("key"), "s3cret");
    Path file =
        Files.writeString(
            dir.resolve("switchboard.yaml"),
            Files.readString(EXAMPLE).replace("/run/secrets/accengage-api-key", secret.toString()));
    Map<String, String> env =
        Map.of(
            "KAFKA_JAAS_CONFIG", "x required;",
            "IQR_ACME_API_KEY", "k",
            "AIQ_CLIENT_SECRET", "s",
            "AIQ_PARTNER_KEY", "p",
            "AIQ_USER_KEY", "u");
    SwitchboardConfig config = SwitchboardConfig.load(file, env);
    assertThatCode(() -> config.settings(config.bootstrap())).doesNotThrowAnyException();

    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile());
    assertThat(names(root)).containsAll(SwitchboardConfig.TOP);
    assertThat(names(root.get("kafka"))).containsAll(SwitchboardConfig.KAFKA);
    assertThat(names(root.get("runtime"))).containsAll(SwitchboardConfig.RUNTIME);
    assertThat(names(root.get("http"))).contains("port");
    assertThat(names(root.get("logging"))).contains("format");

    Map<String, ProviderConnector<?>> connectors = Switchboard.discover();
    assertThat(config.connections().keySet())
        .containsAll(connectors.keySet().stream().filter(id -> !id.equals("scenario")).toList());
    Set<String> runtimeKeys = new TreeSet<>();
    config
        .connections()
        .forEach(
            (provider, byName) -> {
              Set<String> used = new TreeSet<>();
              Set<String> kinds = new TreeSet<>();
              byName.forEach(
                  (name, c) -> {
                    ObjectNode own = c.deepCopy();
                    if (own.remove("rateLimit") != null) {
                      runtimeKeys.add("rateLimit");
                    }
                    if (own.remove("breaker") != null) {
                      runtimeKeys.add("breaker");
                    }
                    used.addAll(names(own));
                    kinds.add(own.path("auth").path("kind").asText(""));
                    assertThatCode(() -> connectors.get(provider).configSpec().validate(own))
                        .as("%s.%s", provider, name)
                        .doesNotThrowAnyException();
                  });
              var fields = connectors.get(provider).configSpec().fields();
              assertThat(used).as(provider).containsAll(fields.keySet());
              fields.values().stream()
                  .filter(f -> f.shapes() != null)
                  .forEach(f -> assertThat(kinds).as(provider).containsAll(f.shapes().keySet()));
            });
    assertThat(runtimeKeys).containsExactly("breaker", "rateLimit");
  }

  private static Set<String> names(JsonNode n) {
    Set<String> out = new TreeSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
