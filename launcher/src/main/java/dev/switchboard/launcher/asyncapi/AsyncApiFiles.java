package dev.switchboard.launcher.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.switchboard.json.Json;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated files as text, by path relative to the docs directory: {@code asyncapi.yaml} and
 * {@code schemas/operations/<provider>/<operation>.json}. Same input, same bytes: {@code \n} line
 * ends whatever the platform, sorted paths, no timestamps.
 */
public final class AsyncApiFiles {
  /** The document, relative to the docs directory. */
  public static final String DOCUMENT = "asyncapi.yaml";

  /** The directory of the per-operation params schemas, relative to the docs directory. */
  public static final String OPERATIONS = "schemas/operations";

  /** How to regenerate, from the repository root. */
  public static final String REGENERATE =
      "mvn -B -q install -DskipTests"
          + " && mvn -B -q dependency:build-classpath -pl launcher -Dmdep.outputFile=/tmp/cp.txt"
          + " && java -cp launcher/target/classes:$(cat /tmp/cp.txt)"
          + " dev.switchboard.launcher.asyncapi.AsyncApiMain docs";

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.USE_PLATFORM_LINE_BREAKS)
              .build());

  private AsyncApiFiles() {}

  /** Every generated file of the given connectors, reading the contract schemas in docsDir. */
  public static Map<String, String> render(
      Map<String, ProviderConnector<?>> connectors, Path docsDir) {
    Map<String, String> files = new TreeMap<>();
    files.put(DOCUMENT, yaml(new AsyncApiGenerator(connectors, docsDir).document()));
    new TreeMap<>(connectors)
        .forEach(
            (provider, connector) -> {
              for (OperationSpec spec : AsyncApiGenerator.specs(connector)) {
                files.put(
                    OPERATIONS + "/" + CommandMessages.path(provider, spec),
                    json(CommandMessages.paramsFile(provider, spec)));
              }
            });
    return files;
  }

  static String yaml(JsonNode document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two-space indented JSON, {@code "key": value} like docs/schemas, ending with a line end. */
  static String json(JsonNode schema) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try {
      return Json.MAPPER.writer(printer).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
