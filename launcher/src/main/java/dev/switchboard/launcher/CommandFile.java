package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The commands of {@code send --file}: one JSON object a line, each with {@code operation}, {@code
 * connection}, optional {@code params} and {@code id} (a random UUID when absent); blank lines are
 * skipped, other fields are passed on for the platform to judge. Every line is checked before
 * anything is sent, so a typo on line 900 does not leave 899 commands half done.
 */
final class CommandFile {
  private CommandFile() {}

  /**
   * Reads {@code file}, or stdin when it is {@code -}.
   *
   * @param checkOperation throws a usage error for an operation the provider does not have
   */
  static List<ObjectNode> read(String file, Consumer<String> checkOperation) {
    boolean stdin = file.equals("-");
    try (BufferedReader in =
        stdin
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      return read(in, file, checkOperation);
    } catch (NoSuchFileException e) {
      throw CliException.usage("cannot read --file " + file + ": no such file");
    } catch (IOException | InvalidPathException e) {
      throw CliException.usage("cannot read --file " + file + ": " + e.getMessage());
    }
  }

  /**
   * @param source names the input in errors ({@code -} for stdin)
   * @param checkOperation throws a usage error for an operation the provider does not have
   */
  static List<ObjectNode> read(BufferedReader in, String source, Consumer<String> checkOperation)
      throws IOException {
    List<ObjectNode> commands = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String where = (source.equals("-") ? "stdin" : source) + " line " + n;
      ObjectNode cmd = JsonArgs.object(line, where);
      String operation = text(cmd, "operation", where);
      text(cmd, "connection", where);
      try {
        checkOperation.accept(operation);
      } catch (CliException e) {
        throw CliException.usage(where + ": " + e.getMessage());
      }
      JsonNode params = cmd.get("params");
      if (params == null || params.isNull()) {
        cmd.set("params", Json.object());
      } else if (!params.isObject()) {
        throw CliException.usage(where + ": params must be a JSON object");
      }
      if (!cmd.has("id")) {
        cmd.put("id", UUID.randomUUID().toString());
      }
      String id = text(cmd, "id", where);
      String problem = CommandIds.problem(id);
      if (problem != null) {
        throw CliException.usage(where + ": invalid command id: " + problem);
      }
      if (!ids.add(id)) {
        throw CliException.usage(where + ": id '" + id + "' appears twice; ids must be unique");
      }
      commands.add(cmd);
    }
    if (commands.isEmpty()) {
      throw CliException.usage("no commands in " + (source.equals("-") ? "stdin" : source));
    }
    return commands;
  }

  private static String text(ObjectNode cmd, String field, String where) {
    JsonNode v = cmd.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw CliException.usage(where + ": " + field + " must be a non-empty string");
    }
    return v.asText();
  }
}
