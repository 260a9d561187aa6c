package dev.switchboard.sandbox.iqreseller;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/** Streams records as JSON with Jackson's generator (no trees). */
final class JsonRecordEncoder implements RecordEncoder {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // A truncated page must stay truncated: never let the generator close open arrays.
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .build();
  private final JsonGenerator g;

  JsonRecordEncoder(OutputStream out) throws IOException {
    g = FACTORY.createGenerator(out);
  }

  @Override
  public void beginArray(String type) throws IOException {
    g.writeStartArray();
  }

  @Override
  public void endArray() throws IOException {
    g.writeEndArray();
  }

  @Override
  public void nullDocument(String type) throws IOException {
    g.writeNull();
  }

  @Override
  public void flush() throws IOException {
    g.flush();
  }

  @Override
  public void beginRecord(String type) throws IOException {
    g.writeStartObject();
  }

  @Override
  public void endRecord() throws IOException {
    g.writeEndObject();
  }

  @Override
  public void text(String name, String value) throws IOException {
    g.writeStringField(name, value);
  }

  @Override
  public void integer(String name, long value) throws IOException {
    g.writeNumberField(name, value);
  }

  @Override
  public void beginList(String name) throws IOException {
    g.writeArrayFieldStart(name);
  }

  @Override
  public void endList() throws IOException {
    g.writeEndArray();
  }

  @Override
  public void money(String name, long tenThousandths) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(BigDecimal.valueOf(tenThousandths, 4));
  }
}
