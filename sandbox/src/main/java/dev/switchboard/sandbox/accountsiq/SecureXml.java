package dev.switchboard.sandbox.accountsiq;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses request bodies with the JDK's StAX, refusing any DTD: no DOCTYPE, no entity declarations,
 * no external entities (XXE) and no entity expansion. .NET's XmlReader prohibits DTDs by default
 * too, so a request carrying one gets the same {@code soap:Client} fault ASMX would send.
 */
final class SecureXml {
  private static final int MAX_DEPTH = 64;
  private static final XMLInputFactory FACTORY = factory();

  private SecureXml() {}

  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** The document element as a tree. @throws SoapFault soap:Client if unreadable or it has a DTD */
  static XmlNode parse(byte[] body) {
    if (body.length == 0) throw SoapFault.unreadable("Root element is missing.");
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      Deque<XmlNode> open = new ArrayDeque<>();
      XmlNode root = null;
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.DTD ->
              throw SoapFault.unreadable(
                  at(r.getLocation())
                      + "For security reasons DTD is prohibited in this XML document.");
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw SoapFault.unreadable(
                  at(r.getLocation())
                      + "Reference to undeclared entity '"
                      + r.getLocalName()
                      + "'.");
          case XMLStreamConstants.START_ELEMENT -> {
            if (open.size() >= MAX_DEPTH)
              throw SoapFault.unreadable("The document is nested too deeply.");
            XmlNode n = new XmlNode(r.getNamespaceURI(), r.getLocalName(), isNil(r));
            if (open.isEmpty()) root = n;
            else open.peek().children.add(n);
            open.push(n);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) open.peek().appendText(r.getText());
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          default -> {}
        }
      }
      if (root == null) throw SoapFault.unreadable("Root element is missing.");
      return root;
    } catch (XMLStreamException e) {
      String detail = e.getMessage().replaceAll("^ParseError at \\[[^]]*]\\s*Message:\\s*", "");
      throw SoapFault.unreadable(at(e.getLocation()) + detail);
    } finally {
      close(r);
    }
  }

  private static boolean isNil(XMLStreamReader r) {
    String v = r.getAttributeValue(Soap.XSI, "nil");
    return v != null && ("true".equals(v.trim()) || "1".equals(v.trim()));
  }

  private static String at(Location l) {
    return l == null ? "" : "(" + l.getLineNumber() + ", " + l.getColumnNumber() + ") ";
  }

  private static void close(XMLStreamReader r) {
    if (r == null) return;
    try {
      r.close();
    } catch (XMLStreamException ignored) {
      // nothing to release
    }
  }
}
