package dev.switchboard.launcher.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in docs/asyncapi.yaml and docs/schemas/operations/ are what {@link AsyncApiMain}
 * writes for the connectors of this build, byte for byte (the module dir is the working directory).
 * When a connector's operations, or docs/schemas, change, regenerate them.
 */
class AsyncApiDocumentTest {
  static final Path DOCS = Path.of("..", "docs");
  private static final String HOW =
      "; regenerate from the repository root with: " + AsyncApiFiles.REGENERATE;

  private static Map<String, String> generated;

  @BeforeAll
  static void generate() {
    generated = AsyncApiFiles.render(AsyncApiGenerator.platformConnectors(), DOCS);
  }

  @Test
  void theDocumentIsUpToDate() throws IOException {
    assertUpToDate(AsyncApiFiles.DOCUMENT);
  }

  @Test
  void everyOperationSchemaFileIsUpToDate() throws IOException {
    generated.keySet().stream()
        .filter(f -> f.startsWith(AsyncApiFiles.OPERATIONS + "/"))
        .forEach(this::assertUpToDateUnchecked);
  }

  @Test
  void noOperationSchemaFileIsLeftFromAnOperationThatIsGone() throws IOException {
    Set<String> onDisk = new TreeSet<>();
    try (Stream<Path> files = Files.walk(DOCS.resolve(AsyncApiFiles.OPERATIONS))) {
      files.filter(Files::isRegularFile).forEach(f -> onDisk.add(AsyncApiMain.relative(DOCS, f)));
    }
    assertThat(onDisk)
        .as("files in docs/%s that no operation generates%s", AsyncApiFiles.OPERATIONS, HOW)
        .isSubsetOf(generated.keySet());
    assertThat(AsyncApiMain.stale(DOCS, generated)).isEmpty();
  }

  @Test
  void generatingTwiceGivesTheSameBytes() {
    assertThat(AsyncApiFiles.render(AsyncApiGenerator.platformConnectors(), DOCS))
        .isEqualTo(generated);
  }

  @Test
  void theFilesAreWrittenWithUnixLineEndsAndEndWithOne() {
    generated.forEach(
        (path, text) -> {
          assertThat(text).as(path).doesNotContain("\r").endsWith("\n");
        });
  }

  private void assertUpToDateUnchecked(String relative) {
    try {
      assertUpToDate(relative);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertUpToDate(String relative) throws IOException {
    Path file = DOCS.resolve(relative);
    assertThat(file).as("docs/%s is missing%s", relative, HOW).isRegularFile();
    byte[] expected = generated.get(relative).getBytes(StandardCharsets.UTF_8);
    byte[] actual = Files.readAllBytes(file);
    if (!java.util.Arrays.equals(expected, actual)) {
      // The text comparison shows the difference; the message says what to do about it.
      assertThat(new String(actual, StandardCharsets.UTF_8))
          .as("docs/%s is out of date%s", relative, HOW)
          .isEqualTo(generated.get(relative));
      assertThat(actual).as("docs/%s differs in its bytes%s", relative, HOW).isEqualTo(expected);
    }
  }
}
