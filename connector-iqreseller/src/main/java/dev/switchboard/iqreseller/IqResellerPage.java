package dev.switchboard.iqreseller;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.json.Json;
import dev.switchboard.json.RawJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list page (a bare JSON array, provider-apis.md §2.3) split into its records, each written
 * straight from the page's tokens to its own bytes ({@link RawJson}) and normalised on the way
 * ({@link IqResellerRecords}: strings trimmed, US dates to ISO, the 1900 sentinel to null). No tree
 * is built: a million-record list spent about half its time building trees from pages and writing
 * them back out as events. The bytes are the same as the tree's (numbers exactly as sent, e.g.
 * {@code 578.6800}); {@code IqResellerPageTest} checks that against the tree path.
 */
final class IqResellerPage {
  private IqResellerPage() {}

  /**
   * The page's records in order. A body that is not one JSON array is {@code
   * PROVIDER_BAD_RESPONSE}, retryable when it may have been cut short (not JSON), not when it is
   * JSON of another shape.
   */
  static List<JsonNode> records(String call, byte[] body, boolean normalize) {
    List<JsonNode> out = new ArrayList<>();
    try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
      // Duplicate keys are still refused, by the copier: Jackson's detector (a HashSet per
      // object) was a tenth of a million-record stream's time.
      p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw ProviderCallException.badResponse(
            "iqreseller",
            call,
            first == null
                ? "the answer is not JSON (0 bytes)"
                : "expected a JSON array, got " + first,
            first == null);
      }
      ByteArrayBuilder buf = new ByteArrayBuilder(1024);
      // One generator per page, flushed after each record: a generator per record cost more
      // than the copy of a small record.
      try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(buf)) {
        g.setRootValueSeparator(null);
        Copier copier = new Copier(p, g, normalize);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          copier.copyValue();
          g.flush();
          out.add(new RawJson(buf.toByteArray()));
          buf.reset();
        }
      }
      if (p.nextToken() != null) {
        throw new IOException("trailing content after the array");
      }
      return out;
    } catch (IOException | IllegalStateException e) {
      throw ProviderCallException.badResponse(
          "iqreseller", call, "the answer is not JSON (" + body.length + " bytes)", true);
    }
  }

  /**
   * Copies values token by token, normalising strings, refusing an object with a key twice (a
   * record has one meaning), and writing each key from bytes quoted once per page.
   */
  private static final class Copier {
    private final JsonParser p;
    private final JsonGenerator g;
    private final boolean normalize;
    private final Map<String, SerializedString> quotedNames = new HashMap<>();
    private String[] names = new String[64]; // the keys of every open object, innermost last
    private int[] objectStarts = new int[16];

    Copier(JsonParser p, JsonGenerator g, boolean normalize) {
      this.p = p;
      this.g = g;
      this.normalize = normalize;
    }

    /** Copies the value at the parser's current token. */
    void copyValue() throws IOException {
      int depth = 0;
      int open = 0; // objects open, as a stack over names
      int nameCount = 0;
      JsonToken t = p.currentToken();
      while (true) {
        if (t == null) {
          throw new IOException("the page ends inside a record");
        }
        switch (t) {
          case FIELD_NAME -> {
            String name = p.currentName();
            for (int i = objectStarts[open - 1]; i < nameCount; i++) {
              if (names[i].equals(name)) {
                throw new IOException("a key twice in one object");
              }
            }
            if (nameCount == names.length) {
              names = Arrays.copyOf(names, nameCount * 2);
            }
            names[nameCount++] = name;
            g.writeFieldName(quotedNames.computeIfAbsent(name, SerializedString::new));
          }
          case START_OBJECT -> {
            if (open == objectStarts.length) {
              objectStarts = Arrays.copyOf(objectStarts, open * 2);
            }
            objectStarts[open++] = nameCount;
            g.writeStartObject();
          }
          case END_OBJECT -> {
            nameCount = objectStarts[--open];
            g.writeEndObject();
          }
          case VALUE_STRING -> {
            if (normalize) {
              writeNormalised(p.getText());
            } else {
              g.copyCurrentEvent(p);
            }
          }
          default -> g.copyCurrentEventExact(p); // numbers keep their exact text: 578.6800
        }
        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
        if (depth == 0) {
          return;
        }
        t = p.nextToken();
      }
    }

    private void writeNormalised(String s) throws IOException {
      String t = IqResellerRecords.text(s);
      if (t == null) {
        g.writeNull();
      } else {
        g.writeString(t);
      }
    }
  }
}
