package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${ENV_VAR}} and {@code ${file:/path}} in configuration values. The result is always text,
 * exactly as given (a secret {@code 007} stays {@code 007}); fields declared as integers or
 * booleans accept such text (see {@code Schema}). Errors name the variable or file, never a value.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Placeholders() {}

  static JsonNode resolve(JsonNode node, Map<String, String> env) {
    if (node.isTextual()) {
      return NODES.textNode(substitute(node.asText(), env));
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), env)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(n -> out.add(resolve(n, env)));
      return out;
    }
    return node;
  }

  /** Replaces placeholders; an unset variable or unreadable file is an error naming it only. */
  static String substitute(String value, Map<String, String> env) {
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String replacement;
      if (ref.startsWith("file:")) {
        try {
          replacement = Files.readString(Path.of(ref.substring(5))).strip();
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot read secret file " + ref.substring(5));
        }
      } else {
        replacement = env.get(ref);
        if (replacement == null) {
          throw new IllegalArgumentException("environment variable " + ref + " is not set");
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
