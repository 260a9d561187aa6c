package dev.switchboard.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One JSON value already written as UTF-8 bytes, carried as a node: serialising it copies the
 * bytes, without building or walking a tree. For a connector that streams a provider's page from
 * its tokens to the result events' bytes (a million-record list spent half its time building trees
 * and writing them back). The bytes must be exactly one valid JSON value; whoever makes one (a
 * {@link JsonGenerator}) guarantees that. {@link #tree()} reads it back, for tests and the rare
 * caller that needs the fields.
 */
public final class RawJson extends ValueNode {
  private static final long serialVersionUID = 1L;
  private final byte[] utf8;

  public RawJson(byte[] utf8) {
    this.utf8 = utf8;
  }

  /** The value's UTF-8 bytes (not copied: do not change them). */
  public byte[] utf8() {
    return utf8;
  }

  /** The value parsed into a tree. */
  public com.fasterxml.jackson.databind.JsonNode tree() {
    try {
      return Json.parse(utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
    // SerializedString would re-encode a String; the generator copies these bytes as they are.
    g.writeRawValue(new Utf8(utf8));
  }

  @Override
  public JsonToken asToken() {
    return JsonToken.VALUE_EMBEDDED_OBJECT;
  }

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.POJO;
  }

  @Override
  public String asText() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawJson r && Arrays.equals(utf8, r.utf8);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(utf8);
  }

  /** Raw UTF-8 for {@link JsonGenerator#writeRawValue(SerializableString)}. */
  private record Utf8(byte[] bytes) implements SerializableString {
    private SerializedString text() {
      return new SerializedString(getValue()); // only a char-based generator needs it
    }

    @Override
    public String getValue() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
      return text().asQuotedChars();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return bytes;
    }

    @Override
    public byte[] asQuotedUTF8() {
      return text().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      return text().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      return text().appendQuoted(buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) {
        return -1;
      }
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      return text().appendUnquoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
      return text().writeQuotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(bytes);
      return bytes.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
      return text().putQuotedUTF8(buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (bytes.length > buffer.remaining()) {
        return -1;
      }
      buffer.put(bytes);
      return bytes.length;
    }
  }
}
