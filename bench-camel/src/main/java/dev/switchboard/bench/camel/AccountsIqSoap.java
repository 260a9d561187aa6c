package dev.switchboard.bench.camel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.bench.camel.Failures.CommandException;
import dev.switchboard.bench.camel.Failures.SessionExpiredException;
import java.io.ByteArrayInputStream;
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

  static {
    DOM.setNamespaceAware(true);
    try {
      DOM.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
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
