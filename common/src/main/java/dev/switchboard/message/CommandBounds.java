package dev.switchboard.message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * How far one command may expand. A command is at most {@code maxCommandBytes}, but a few bytes of
 * JSON can stand for far more: {@code 1e999999999} is eleven characters and a billion digits in the
 * plain notation providers are sent ({@link BigDecimal#toPlainString()}). Every bound here is far
 * above what a legitimate command needs, and each is checked without rendering anything:
 *
 * <ul>
 *   <li>nesting at most {@value #MAX_DEPTH} levels;
 *   <li>a number's JSON text at most {@value #MAX_NUMBER_CHARS} characters, and its plain rendering
 *       (sign, digits, point) at most {@value #MAX_NUMBER_CHARS} characters too, computed from
 *       {@link BigDecimal#scale()} and {@link BigDecimal#precision()};
 *   <li>a string at most {@value #MAX_STRING_CHARS} characters, a member name at most {@value
 *       #MAX_NAME_CHARS};
 *   <li>all of {@code params}, written as JSON with plain decimals, at most as many characters as
 *       the command may have bytes ({@code maxCommandBytes}).
 * </ul>
 *
 * <p>The first three are Jackson {@link StreamReadConstraints} of the command reader, so a document
 * breaking them is never read whole; the decimal and total bounds are a walk of the parsed {@code
 * params}. Connectors check the values they write into a provider request again with {@link
 * #requireWritable}, so a value that did not come through the parser (connection config, a
 * provider's own answer merged into a write) cannot blow up either.
 */
public final class CommandBounds {
  /** Nesting levels of a command (objects and arrays). */
  public static final int MAX_DEPTH = 64;

  /** Characters of a number, as JSON text and as plain decimal. */
  public static final int MAX_NUMBER_CHARS = 100;

  /** Characters of a string value. */
  public static final int MAX_STRING_CHARS = 65_536;

  /** Characters of a member name. */
  public static final int MAX_NAME_CHARS = 256;

  /**
   * Depth the lenient second read (of a command that broke a bound) may go to find its id; deeper
   * documents stay {@code NOT_JSON}. Costs one small parser context per level.
   */
  static final int LENIENT_DEPTH = 10_000;

  /** Longest JSON Pointer quoted in a message; longer ones keep their head and tail. */
  private static final int MAX_PATH_IN_MESSAGE = 200;

  /** An unscaled value with more bits than this has far more digits than any bound. */
  private static final int MAX_EXACT_BITS = 4_096;

  /** The command reader: {@link Json#MAPPER}'s reading rules with the bounds above. */
  static final ObjectMapper READER =
      reader(
          JsonFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_DEPTH)
                      .maxNumberLength(MAX_NUMBER_CHARS)
                      .maxStringLength(MAX_STRING_CHARS)
                      .maxNameLength(MAX_NAME_CHARS)
                      .build())
              .build());

  /**
   * Reads only the top-level {@code id} and {@code replyTo} of a document the reader refused for a
   * bound, so it can still be answered. Strings and numbers it skips are never materialised.
   */
  private static final JsonFactory LENIENT =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(LENIENT_DEPTH)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNameLength(Integer.MAX_VALUE)
                  .build())
          .build();

  private CommandBounds() {}

  private static ObjectMapper reader(JsonFactory factory) {
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  /** A document the reader refused because it breaks a bound; the message names where. */
  static final class OverBound extends Exception {
    OverBound(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads one command document within the bounds.
   *
   * @return the document, or null if it holds no value at all
   * @throws OverBound when it breaks a bound (its message names the JSON Pointer)
   * @throws IOException when it is not exactly one JSON document
   */
  static JsonNode read(byte[] value) throws IOException, OverBound {
    try (JsonParser p = READER.createParser(value)) {
      try {
        return READER.readTree(p);
      } catch (IOException e) {
        StreamConstraintsException c = constraint(e);
        if (c == null) {
          throw e;
        }
        throw new OverBound(describe(c, p.getParsingContext()));
      }
    }
  }

  private static StreamConstraintsException constraint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException c) {
        return c;
      }
    }
    return null;
  }

  private static String describe(StreamConstraintsException e, JsonStreamContext at) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.contains("getMaxNestingDepth")) {
      return where(at.pathAsPointer()) + ": nested deeper than " + MAX_DEPTH + " levels";
    }
    if (m.contains("getMaxNumberLength")) {
      return where(at.pathAsPointer()) + ": number longer than " + MAX_NUMBER_CHARS + " characters";
    }
    if (m.contains("getMaxStringLength")) {
      return where(at.pathAsPointer()) + ": string longer than " + MAX_STRING_CHARS + " characters";
    }
    JsonPointer container = at.pathAsPointer();
    if (at.inObject() && at.getCurrentName() != null && container.head() != null) {
      container = container.head(); // the name being read is not in the path yet
    }
    if (m.contains("getMaxNameLength")) {
      return where(container) + ": member name longer than " + MAX_NAME_CHARS + " characters";
    }
    return where(container) + ": " + m.lines().findFirst().orElse("read limit exceeded");
  }

  /**
   * The top-level {@code id} and {@code replyTo} of a document the reader refused for a bound, read
   * leniently: a string stays a string, {@code null} stays null, any other value becomes {@code
   * false} (present, not a string). Every other value is skipped, not materialised.
   *
   * @return an object with at most those two members; a non-object node if the document is not an
   *     object; null if it is not exactly one well-formed JSON document
   */
  static JsonNode head(byte[] value) {
    try (JsonParser p = LENIENT.createParser(value)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        return p.nextToken() == null ? Json.array() : null;
      }
      ObjectNode head = Json.object();
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("id") || name.equals("replyTo")) {
          if (v == JsonToken.VALUE_STRING) {
            head.put(name, p.getText());
          } else if (v == JsonToken.VALUE_NULL) {
            head.putNull(name);
          } else {
            head.put(name, false);
          }
        }
        p.skipChildren();
      }
      return t == JsonToken.END_OBJECT && p.nextToken() == null ? head : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The first value under {@code node} that breaks a bound, or the total when it is over {@code
   * maxChars}; null when all is within bounds. Nothing is rendered.
   *
   * @param path JSON Pointer of {@code node} in the command, e.g. {@code /params}
   * @param maxChars bound of the whole of {@code node} written as JSON with plain decimals
   */
  public static String problem(JsonNode node, String path, long maxChars) {
    Walk w = new Walk(path, maxChars);
    w.visit(node, 1);
    if (w.problem != null) {
      return w.problem;
    }
    if (w.chars > maxChars) {
      return where(path)
          + ": over "
          + maxChars
          + " characters when written out with numbers in "
          + "plain notation; the limit is the command's size limit";
    }
    return null;
  }

  /**
   * For connectors, before a value is written into a provider request: refuses, as {@code
   * INVALID_PARAMS} (category {@code INVALID_COMMAND}), a value that breaks a bound (depth, number,
   * string, name) and so could not be rendered safely.
   *
   * @param what who writes it, for the message, e.g. {@code accengage messages.create}
   * @param path JSON Pointer of the value in the request, e.g. {@code /message}
   */
  public static void requireWritable(String what, JsonNode value, String path) {
    if (value == null) {
      return;
    }
    String problem = problem(value, path, Long.MAX_VALUE);
    if (problem != null) {
      throw SwitchboardException.invalid("INVALID_PARAMS", what + " cannot send " + problem);
    }
  }

  /**
   * Characters of {@code d} in plain notation ({@link BigDecimal#toPlainString()}), from its scale
   * and precision, without rendering it. {@link Long#MAX_VALUE} when the unscaled value alone is
   * over a thousand digits long (its precision is not worth computing).
   */
  public static long plainLength(BigDecimal d) {
    long scale = d.scale();
    int sign = d.signum() < 0 ? 1 : 0;
    if (d.signum() == 0) {
      return scale <= 0 ? 1 : scale + 2; // "0", or "0." and scale zeros
    }
    if (d.unscaledValue().bitLength() > MAX_EXACT_BITS) {
      return Long.MAX_VALUE;
    }
    long precision = d.precision();
    if (scale <= 0) {
      return sign + precision - scale; // digits, then -scale zeros
    }
    if (scale >= precision) {
      return sign + 2 + scale; // "0.", zeros, digits
    }
    return sign + precision + 1; // a point among the digits
  }

  /** Characters of a big integer's decimal text; {@link Long#MAX_VALUE} when far too long. */
  private static long digits(BigInteger i) {
    if (i.bitLength() > MAX_EXACT_BITS) {
      return Long.MAX_VALUE;
    }
    return i.toString().length();
  }

  /** A JSON Pointer for a message: "the command" for the root, long ones shortened. */
  static String where(JsonPointer p) {
    return where(p == null ? "" : p.toString());
  }

  static String where(String pointer) {
    if (pointer.isEmpty()) {
      return "the command";
    }
    if (pointer.length() <= MAX_PATH_IN_MESSAGE) {
      return pointer;
    }
    int half = MAX_PATH_IN_MESSAGE / 2;
    return pointer.substring(0, half) + "…" + pointer.substring(pointer.length() - half + 1);
  }

  /** One depth-first walk, counting the characters the JSON text would have. */
  private static final class Walk {
    private final Deque<String> path = new ArrayDeque<>();
    private final String base;
    private final long maxChars;
    long chars;
    String problem;

    Walk(String base, long maxChars) {
      this.base = base;
      this.maxChars = maxChars;
    }

    void visit(JsonNode n, int depth) {
      if (problem != null || chars > maxChars) {
        return;
      }
      if (n.isContainerNode() && depth > MAX_DEPTH) {
        fail("nested deeper than " + MAX_DEPTH + " levels");
        return;
      }
      switch (n.getNodeType()) {
        case OBJECT -> {
          chars += n.isEmpty() ? 2 : 1 + n.size(); // braces and commas
          for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().length() > MAX_NAME_CHARS) {
              fail("member name longer than " + MAX_NAME_CHARS + " characters");
              return;
            }
            chars += e.getKey().length() + 3; // quotes and colon
            path.addLast(escape(e.getKey()));
            visit(e.getValue(), depth + 1);
            path.removeLast();
          }
        }
        case ARRAY -> {
          chars += n.isEmpty() ? 2 : 1 + n.size(); // brackets and commas
          for (int i = 0; i < n.size(); i++) {
            path.addLast(Integer.toString(i));
            visit(n.get(i), depth + 1);
            path.removeLast();
          }
        }
        case STRING -> {
          int len = n.textValue().length();
          if (len > MAX_STRING_CHARS) {
            fail("string of " + len + " characters; the limit is " + MAX_STRING_CHARS);
            return;
          }
          chars += len + 2;
        }
        case NUMBER -> {
          long len =
              n.isBigDecimal()
                  ? plainLength(n.decimalValue())
                  : n.isBigInteger()
                      ? digits(n.bigIntegerValue())
                      : n.asText().length(); // int, long, double: short by nature
          if (len > MAX_NUMBER_CHARS) {
            fail(
                len == Long.MAX_VALUE
                    ? "number of over a thousand digits; the limit is "
                        + MAX_NUMBER_CHARS
                        + " characters"
                    : "number of "
                        + len
                        + " characters in plain notation; the limit is "
                        + MAX_NUMBER_CHARS);
            return;
          }
          chars += len;
        }
        case BOOLEAN -> chars += n.booleanValue() ? 4 : 5;
        default -> chars += n.isBinary() ? n.asText().length() + 2 : 4; // base64; null
      }
    }

    private void fail(String what) {
      problem = where(base + (path.isEmpty() ? "" : "/" + String.join("/", path))) + ": " + what;
    }

    private static String escape(String name) {
      return name.replace("~", "~0").replace("/", "~1");
    }
  }
}
