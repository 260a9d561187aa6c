package dev.switchboard.launcher.asyncapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code <docsDir>/asyncapi.yaml} and {@code <docsDir>/schemas/operations/<provider>/
 * <operation>.json} for the connectors on the class path, and deletes the operation schema files of
 * operations that no longer exist. {@code AsyncApiDocumentTest} fails when the checked-in files
 * differ from what this writes.
 *
 * <pre>
 * java -cp ... dev.switchboard.launcher.asyncapi.AsyncApiMain docs
 * </pre>
 */
public final class AsyncApiMain {
  private AsyncApiMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: AsyncApiMain <docsDir>   (e.g. docs, from the repository root)");
      System.exit(2);
    }
    Path docs = Path.of(args[0]);
    if (!Files.isRegularFile(docs.resolve("schemas").resolve("command.schema.json"))) {
      System.err.println(docs.toAbsolutePath() + " is not the docs directory (no schemas/)");
      System.exit(2);
    }
    Map<String, String> files = AsyncApiFiles.render(AsyncApiGenerator.platformConnectors(), docs);
    for (Path stale : stale(docs, files)) {
      Files.delete(stale);
      System.out.println("deleted " + stale);
      try (Stream<Path> left = Files.list(stale.getParent())) {
        if (left.findAny().isEmpty()) {
          Files.delete(stale.getParent()); // a provider that is gone
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path path = docs.resolve(f.getKey());
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(path) && java.util.Arrays.equals(Files.readAllBytes(path), bytes)) {
        continue;
      }
      Files.createDirectories(path.getParent());
      Files.write(path, bytes);
      System.out.println("wrote " + path);
    }
    System.out.println(files.size() + " files up to date in " + docs);
  }

  /** The generated-directory files that are no longer generated (only .json files there). */
  static List<Path> stale(Path docs, Map<String, String> files) throws IOException {
    Path dir = docs.resolve(AsyncApiFiles.OPERATIONS);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !files.containsKey(relative(docs, p)))
          .sorted()
          .toList();
    }
  }

  /** A file's path relative to the docs dir, with {@code /} separators like the render keys. */
  static String relative(Path docs, Path file) {
    return docs.relativize(file).toString().replace('\\', '/');
  }
}
