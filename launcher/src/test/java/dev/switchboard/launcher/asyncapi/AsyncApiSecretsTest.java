package dev.switchboard.launcher.asyncapi;

import static dev.switchboard.launcher.asyncapi.GeneratedDocument.CONNECTORS;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.DOCUMENT;
import static dev.switchboard.launcher.asyncapi.GeneratedDocument.FILES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Credentials never travel in messages: no operation declares a secret param, and no connection
 * secret (a {@link Schema.Type#SECRET} field of a connector's config) is a property of any schema
 * in the document or the per-operation files. Secrets are looked for by their declaration, since
 * {@code toJsonSchema()} shows a secret as a plain string.
 */
class AsyncApiSecretsTest {

  @Test
  void noOperationDeclaresASecretAndNoConnectionSecretAppearsInTheDocument() {
    Set<String> secrets = new HashSet<>();
    CONNECTORS.values().forEach(c -> secretNames(c.configSpec(), secrets));
    assertThat(secrets).as("the connectors' connection secrets").contains("apiKey");
    Set<String> documented = new HashSet<>();
    GeneratedDocument.propertyNames(DOCUMENT, documented);
    FILES.values().stream()
        .filter(text -> text.startsWith("{"))
        .forEach(t -> GeneratedDocument.propertyNames(GeneratedDocument.json(t), documented));
    assertThat(documented).isNotEmpty().doesNotContainAnyElementsOf(secrets);
    CONNECTORS.values().stream()
        .flatMap(c -> c.operations().values().stream())
        .forEach(
            op ->
                assertThat(secretNames(op.spec().params(), new HashSet<>()))
                    .as(op.spec().name())
                    .isEmpty());
  }

  @Test
  void theGeneratorRefusesAnOperationWithASecretParam() {
    Schema params = Schema.builder().secret("token", "a credential").build();
    OperationSpec spec = OperationSpec.single("leaky.get", "would show a secret", params);
    assertThatThrownBy(() -> CommandMessages.params("p", spec))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("token");
  }

  private static Set<String> secretNames(Schema schema, Set<String> into) {
    for (Schema.Field f : schema.fields().values()) {
      if (f.type() == Schema.Type.SECRET) {
        into.add(f.name());
      }
      if (f.shapes() != null) {
        f.shapes().values().forEach(s -> secretNames(s, into));
      }
    }
    return into;
  }
}
