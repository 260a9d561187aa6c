package dev.switchboard.sandbox.iqreseller;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams records as WCF-style XML: root {@code ArrayOf<Type>}, one {@code <Type>} per record,
 * lowercase member elements as in JSON (CERTAIN for {@code ArrayOfSO/SO}; nested {@code
 * SODetails/SODetail} LIKELY; the data-contract namespace is unknown and omitted).
 */
final class XmlRecordEncoder implements RecordEncoder {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private final XMLStreamWriter w;

  XmlRecordEncoder(OutputStream out) throws IOException {
    try {
      w = FACTORY.createXMLStreamWriter(out, "UTF-8");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void beginArray(String type) throws IOException {
    start("ArrayOf" + type);
  }

  @Override
  public void endArray() throws IOException {
    end();
  }

  @Override
  public void beginRecord(String type) throws IOException {
    start(type);
  }

  @Override
  public void endRecord() throws IOException {
    end();
  }

  @Override
  public void beginList(String name) throws IOException {
    start(name);
  }

  @Override
  public void endList() throws IOException {
    end();
  }

  @Override
  public void text(String name, String value) throws IOException {
    element(name, value);
  }

  @Override
  public void integer(String name, long value) throws IOException {
    element(name, Long.toString(value));
  }

  @Override
  public void money(String name, long tenThousandths) throws IOException {
    element(name, BigDecimal.valueOf(tenThousandths, 4).toPlainString());
  }

  @Override
  public void nullDocument(String type) throws IOException {
    try {
      w.writeEmptyElement(type);
      w.writeNamespace("i", XSI);
      w.writeAttribute(XSI, "nil", "true");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void element(String name, String value) throws IOException {
    start(name);
    try {
      w.writeCharacters(value);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    end();
  }

  private void start(String name) throws IOException {
    try {
      w.writeStartElement(name);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void end() throws IOException {
    try {
      w.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
