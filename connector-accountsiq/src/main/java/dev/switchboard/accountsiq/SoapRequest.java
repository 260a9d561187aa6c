package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes AccountsIQ SOAP 1.1 request envelopes (provider-apis.md §1.2): document/literal, the
 * body element named after the operation in the Integration namespace, JSON params as child
 * elements in the order given, JSON arrays as ASMX arrays whose item element name comes from
 * {@link #ARRAY_ITEMS} ({@code <TypesFilter><string>SI</string></TypesFilter>}), null as
 * {@code xsi:nil}. Version 2.0 calls carry the {@code AiqSoapHeader}; 1.1 calls the body
 * {@code <token>}.
 */
final class SoapRequest {
  static final String NS = "http://www.visorsoftware.com/visor/accountsiq/dashboard/Integration/";
  static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

  /**
   * ASMX array item names by {@code parent.array} or by array element name; the default is
   * {@code string}. A batch invoice's lines are {@code BatchSalesInvoiceLine}, an invoice's
   * {@code InvoiceLine}.
   */
  static final Map<String, String> ARRAY_ITEMS = Map.of(
      "AccountIDsFilter", "int", "TransactionIDsFilter", "int", "InvoiceIDsFilter", "int",
      "OrderIDsFilter", "int", "Lines", "InvoiceLine", "inv.Lines", "BatchSalesInvoiceLine");

  /** Credentials placed in the envelope: a 1.1 body token, or the 2.0 header. */
  record Credentials(String bodyToken, String entity, String accessToken) {
    static Credentials none() {
      return new Credentials(null, null, null);
    }
  }

  private SoapRequest() {}

  /** The SOAPAction header value, quoted as ASMX clients send it. */
  static String action(String operation) {
    return "\"" + NS + operation + "\"";
  }

  /**
   * @param fields the operation's children in order (the {@code token} child is added first for
   *     1.1 calls)
   * @param arrayItems array item names for this operation, consulted before {@link #ARRAY_ITEMS}
   */
  static byte[] envelope(String operation, Credentials creds, JsonNode fields,
      Map<String, String> arrayItems) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try {
      XMLStreamWriter w = OUT.createXMLStreamWriter(bytes, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("soap", "Envelope", SOAP_NS);
      w.writeNamespace("soap", SOAP_NS);
      w.writeNamespace("xsi", XSI_NS);
      if (creds.accessToken() != null) {
        w.writeStartElement("soap", "Header", SOAP_NS);
        w.writeStartElement("", "AiqSoapHeader", NS);
        w.writeDefaultNamespace(NS);
        leaf(w, "Entity", creds.entity());
        leaf(w, "AccessToken", creds.accessToken());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeStartElement("soap", "Body", SOAP_NS);
      w.writeStartElement("", operation, NS);
      w.writeDefaultNamespace(NS);
      if (creds.bodyToken() != null) {
        leaf(w, "token", creds.bodyToken());
      }
      for (var it = fields.fields(); it.hasNext(); ) {
        var e = it.next();
        write(w, operation, e.getKey(), e.getValue(), arrayItems);
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a SOAP envelope", e);
    }
    return bytes.toByteArray();
  }

  private static void write(XMLStreamWriter w, String parent, String name, JsonNode v,
      Map<String, String> arrayItems) throws XMLStreamException {
    if (v.isNull()) {
      w.writeEmptyElement(name);
      w.writeAttribute("xsi", XSI_NS, "nil", "true");
    } else if (v.isObject()) {
      w.writeStartElement(name);
      for (var it = v.fields(); it.hasNext(); ) {
        var e = it.next();
        write(w, name, e.getKey(), e.getValue(), arrayItems);
      }
      w.writeEndElement();
    } else if (v.isArray()) {
      String item = arrayItems.getOrDefault(name, ARRAY_ITEMS.getOrDefault(parent + "." + name,
          ARRAY_ITEMS.getOrDefault(name, "string")));
      w.writeStartElement(name);
      for (JsonNode n : v) {
        write(w, name, item, n, arrayItems);
      }
      w.writeEndElement();
    } else {
      leaf(w, name, v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText());
    }
  }

  private static void leaf(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text == null ? "" : text);
    w.writeEndElement();
  }
}
