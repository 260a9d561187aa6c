package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.message.CommandBounds;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes AccountsIQ SOAP 1.1 request envelopes (provider-apis.md §1.2): document/literal, the body
 * element named after the operation in the Integration namespace, JSON params as child elements in
 * the order given, JSON arrays as ASMX arrays whose item element name comes from {@link
 * #ARRAY_ITEMS} ({@code <TypesFilter><string>SI</string></TypesFilter>}), null as {@code xsi:nil}.
 * Version 2.0 calls carry the {@code AiqSoapHeader}; 1.1 calls the body {@code <token>}.
 *
 * <p>Nothing the envelope cannot carry is written: {@link #check} refuses it first, as {@code
 * INVALID_PARAMS} (category {@code INVALID_COMMAND}), naming where it is. That is a value over the
 * {@link CommandBounds} (a decimal whose plain notation would be over a hundred characters, never
 * rendered), a member name that is not an XML element name, and text with a character XML 1.0
 * cannot carry: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and unpaired surrogates.
 */
final class SoapRequest {
  static final String NS = "http://www.visorsoftware.com/visor/accountsiq/dashboard/Integration/";
  static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

  /**
   * ASMX array item names by {@code parent.array} or by array element name; the default is {@code
   * string}. A batch invoice's lines are {@code BatchSalesInvoiceLine}, an invoice's {@code
   * InvoiceLine}.
   */
  static final Map<String, String> ARRAY_ITEMS =
      Map.of(
          "AccountIDsFilter",
          "int",
          "TransactionIDsFilter",
          "int",
          "InvoiceIDsFilter",
          "int",
          "OrderIDsFilter",
          "int",
          "Lines",
          "InvoiceLine",
          "inv.Lines",
          "BatchSalesInvoiceLine");

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
   * @param fields the operation's children in order (the {@code token} child is added first for 1.1
   *     calls)
   * @param arrayItems array item names for this operation, consulted before {@link #ARRAY_ITEMS}
   */
  static byte[] envelope(
      String operation, Credentials creds, JsonNode fields, Map<String, String> arrayItems) {
    String what = "AccountsIQ " + operation;
    check(what, fields);
    checkText(what, "/token", creds.bodyToken());
    checkText(what, "/Entity", creds.entity());
    checkText(what, "/AccessToken", creds.accessToken());
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
      // check() refused everything a caller could cause: this is a bug
      throw new IllegalStateException("cannot write a SOAP envelope", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Refuses what an envelope could not carry (see the class comment), before anything is sent.
   *
   * @param what who sends it, for the message, e.g. {@code AccountsIQ GetInvoicesBy}
   * @param fields the values to be written as elements, e.g. an operation's params
   * @throws SwitchboardException {@code INVALID_PARAMS}, category {@code INVALID_COMMAND}
   */
  static void check(String what, JsonNode fields) {
    CommandBounds.requireWritable(what, fields, "");
    checkXml(what, fields, new ArrayDeque<>());
  }

  private static void checkXml(String what, JsonNode v, Deque<String> path) {
    if (v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        path.addLast(e.getKey().replace("~", "~0").replace("/", "~1"));
        if (!isElementName(e.getKey())) {
          throw refused(
              what,
              path,
              "the member name is not an XML element name (ASCII letters, "
                  + "digits, '_', '-' and '.', starting with a letter or '_')");
        }
        checkXml(what, e.getValue(), path);
        path.removeLast();
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        path.addLast(Integer.toString(i));
        checkXml(what, v.get(i), path);
        path.removeLast();
      }
    } else if (v.isTextual()) {
      int bad = badXmlChar(v.textValue());
      if (bad >= 0) {
        throw refused(
            what,
            path,
            codePoint(v.textValue(), bad)
                + " at character "
                + bad
                + " cannot be carried in XML 1.0");
      }
    }
  }

  private static void checkText(String what, String path, String text) {
    int bad = text == null ? -1 : badXmlChar(text);
    if (bad >= 0) {
      throw SwitchboardException.invalid(
          "INVALID_PARAMS",
          what
              + " cannot send "
              + path
              + ": "
              + codePoint(text, bad)
              + " at character "
              + bad
              + " cannot be carried in XML 1.0");
    }
  }

  private static SwitchboardException refused(String what, Deque<String> path, String why) {
    String pointer = "/" + String.join("/", path);
    if (pointer.length() > 200) {
      pointer = pointer.substring(0, 100) + "…" + pointer.substring(pointer.length() - 99);
    }
    return SwitchboardException.invalid(
        "INVALID_PARAMS", what + " cannot send " + pointer + ": " + why);
  }

  /**
   * An element name this writer accepts: a conservative, ASCII subset of XML's NCName (all
   * AccountsIQ names are in it), so the XML writer never refuses one.
   */
  static boolean isElementName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
      boolean more = c >= '0' && c <= '9' || c == '-' || c == '.';
      if (!(letter || i > 0 && more)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Index of the first character XML 1.0 cannot carry (§2.2 Char: tab, LF, CR, U+0020–U+D7FF,
   * U+E000–U+FFFD and paired surrogates), or -1.
   */
  static int badXmlChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0xD800
          || c == '\t'
          || c == '\n'
          || c == '\r'
          || c >= 0xE000 && c <= 0xFFFD) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      return i;
    }
    return -1;
  }

  private static String codePoint(String s, int i) {
    return String.format("U+%04X", (int) s.charAt(i));
  }

  private static void write(
      XMLStreamWriter w, String parent, String name, JsonNode v, Map<String, String> arrayItems)
      throws XMLStreamException {
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
      String item =
          arrayItems.getOrDefault(
              name,
              ARRAY_ITEMS.getOrDefault(
                  parent + "." + name, ARRAY_ITEMS.getOrDefault(name, "string")));
      w.writeStartElement(name);
      for (JsonNode n : v) {
        write(w, name, item, n, arrayItems);
      }
      w.writeEndElement();
    } else {
      // check() bounded the plain notation: at most CommandBounds.MAX_NUMBER_CHARS characters
      leaf(w, name, v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText());
    }
  }

  private static void leaf(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text == null ? "" : text);
    w.writeEndElement();
  }
}
