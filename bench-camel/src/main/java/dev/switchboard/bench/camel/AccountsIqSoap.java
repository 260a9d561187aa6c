package dev.switchboard.bench.camel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.bench.camel.Failures.CommandException;
import dev.switchboard.bench.camel.Failures.SessionExpiredException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * AccountsIQ 1.1 SOAP without CXF: request envelopes from a template string, answers read with a
 * small DOM parse (document/literal, every body element in the Integration namespace).
 */
final class AccountsIqSoap {
  static final String NS = "http://www.visorsoftware.com/visor/accountsiq/dashboard/Integration/";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
      + "<%1$s xmlns=\"" + NS + "\">%2$s</%1$s></soap:Body></soap:Envelope>";
  private static final DocumentBuilderFactory DOM = DocumentBuilderFactory.newInstance();
  private static final XMLInputFactory STAX = XMLInputFactory.newFactory();

  static {
    DOM.setNamespaceAware(true);
    try {
      DOM.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
    STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    STAX.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private AccountsIqSoap() {}

  /** The SOAPAction header, quoted as ASMX clients send it. */
  static String action(String operation) {
    return "\"" + NS + operation + "\"";
  }

  static String login(String companyId, String partnerKey, String userKey) {
    return String.format(ENVELOPE, "Login", "<companyID>" + esc(companyId) + "</companyID><partnerKey>"
        + esc(partnerKey) + "</partnerKey><userKey>" + esc(userKey) + "</userKey>");
  }

  static String getCustomer(String token, String customerCode) {
    return String.format(ENVELOPE, "GetCustomer",
        "<token>" + esc(token) + "</token><customerCode>" + esc(customerCode) + "</customerCode>");
  }

  static String getCustomerList(String token) {
    return String.format(ENVELOPE, "GetCustomerList", "<token>" + esc(token) + "</token>");
  }

  /**
   * A {@code GetCustomerList} answer read with StAX: the constructor reads the outcome ({@code
   * Status}, {@code ErrorCode}, {@code HasExpired}) up to the first customer and throws for an
   * expired token or a failure; then each {@link #next()} is up to {@code batch} record events,
   * one per {@code Customer} (its child elements as strings, {@code xsi:nil} as null), keyed by the
   * command id and numbered from 0.
   */
  static final class CustomerBatches implements Iterator<List<Message>> {
    private final Exchange ex;
    private final XMLStreamReader r;
    private final String commandId;
    private final int batch;
    private long count;
    private boolean more;

    CustomerBatches(Exchange ex, byte[] reply, int batch) {
      this.ex = ex;
      this.commandId = ex.getProperty(Events.COMMAND_ID, String.class);
      this.batch = batch;
      try {
        r = STAX.createXMLStreamReader(new ByteArrayInputStream(reply));
        String status = null;
        String code = null;
        while (r.hasNext()) {
          if (r.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = r.getLocalName();
          if (name.equals("Status")) {
            status = r.getElementText().trim();
          } else if (name.equals("ErrorCode")) {
            code = r.getElementText().trim();
          } else if (name.equals("HasExpired") && "true".equals(r.getElementText().trim())) {
            throw new SessionExpiredException("AccountsIQ token expired");
          } else if (name.equals("Result")) {
            break;
          }
        }
        if (!"Success".equals(status)) {
          throw new CommandException("PROVIDER_ERROR", "GetCustomerList: " + status + " " + code);
        }
        more = r.hasNext() && r.nextTag() == XMLStreamConstants.START_ELEMENT;
      } catch (XMLStreamException e) {
        throw new CommandException("PROVIDER_ERROR", "AccountsIQ answered something that is not XML");
      }
    }

    long count() {
      return count;
    }

    @Override
    public boolean hasNext() {
      return more;
    }

    @Override
    public List<Message> next() {
      if (!more) {
        throw new NoSuchElementException();
      }
      List<Message> events = new ArrayList<>(batch);
      try {
        while (more && events.size() < batch) {
          ObjectNode data = Events.JSON.createObjectNode();
          while (r.nextTag() == XMLStreamConstants.START_ELEMENT) { // the customer's fields
            String field = r.getLocalName();
            if ("true".equals(r.getAttributeValue(XSI, "nil"))) {
              data.putNull(field);
              skip(r);
            } else {
              data.put(field, text(r));
            }
          }
          Message m = new DefaultMessage(ex);
          m.setHeader(KafkaConstants.KEY, commandId);
          m.setBody(Events.record(commandId, count++, data));
          events.add(m);
          more = r.nextTag() == XMLStreamConstants.START_ELEMENT;
        }
      } catch (XMLStreamException e) {
        throw new CommandException("PROVIDER_ERROR", "GetCustomerList: the answer is not XML");
      }
      return events;
    }

    /** The text of the element the reader is on (nested elements' text included); ends on its end tag. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
      StringBuilder b = new StringBuilder();
      for (int depth = 1; depth > 0; ) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
          b.append(r.getText());
        }
      }
      return b.toString();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
      text(r);
    }
  }

  /** {@code LoginResult}, or null when the login was refused (empty or missing result). */
  static String loginToken(byte[] reply) {
    Element result = first(parse(reply).getDocumentElement(), "LoginResult");
    String token = result == null ? null : result.getTextContent().trim();
    return token == null || token.isEmpty() ? null : token;
  }

  /** {@code GetCustomerResult}: the customer as JSON, or the failure it reports. */
  static ObjectNode customer(byte[] reply) {
    Element result = first(parse(reply).getDocumentElement(), "GetCustomerResult");
    if (result == null) {
      throw new CommandException("PROVIDER_ERROR", "GetCustomer answered no GetCustomerResult");
    }
    if ("true".equals(text(result, "HasExpired"))) {
      throw new SessionExpiredException("AccountsIQ token expired");
    }
    String status = text(result, "Status");
    if (!"Success".equals(status)) {
      String code = text(result, "ErrorCode");
      throw new CommandException(code != null && code.endsWith("_DOES_NOT_EXIST") ? "PROVIDER_NOT_FOUND"
          : "PROVIDER_ERROR", "GetCustomer: " + status + " " + code);
    }
    ObjectNode data = Events.JSON.createObjectNode();
    Element customer = first(result, "Result");
    for (Node n = customer == null ? null : customer.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if ("true".equals(e.getAttributeNS(XSI, "nil"))) {
          data.putNull(e.getLocalName());
        } else {
          data.put(e.getLocalName(), e.getTextContent());
        }
      }
    }
    return data;
  }

  private static Document parse(byte[] xml) {
    try {
      DocumentBuilder builder;
      synchronized (DOM) { // a factory is not thread-safe; a builder per answer is cheap
        builder = DOM.newDocumentBuilder();
      }
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new CommandException("PROVIDER_ERROR", "AccountsIQ answered something that is not XML");
    }
  }

  private static Element first(Element under, String localName) {
    var list = under.getElementsByTagNameNS(NS, localName);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  private static String text(Element under, String localName) {
    Element e = first(under, localName);
    return e == null ? null : e.getTextContent().trim();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
