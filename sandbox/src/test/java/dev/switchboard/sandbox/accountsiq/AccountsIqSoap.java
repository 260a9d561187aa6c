package dev.switchboard.sandbox.accountsiq;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A plain java.net.http client posting real SOAP 1.1 envelopes to a running simulator, and a
 * (DTD-refusing) DOM reader for the answers.
 */
final class AccountsIqSoap {
  static final String NS = "http://www.visorsoftware.com/visor/accountsiq/dashboard/Integration/";
  static final String ENV = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AccountsIqSimulator sim;

  AccountsIqSoap(AccountsIqSimulator sim) {
    this.sim = sim;
  }

  /** A SOAP 1.1 envelope; {@code header} may be null. */
  static String envelope(String header, String body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\""
        + ENV
        + "\" xmlns:xsi=\""
        + XSI
        + "\">"
        + (header == null ? "" : "<soap:Header>" + header + "</soap:Header>")
        + "<soap:Body>"
        + body
        + "</soap:Body></soap:Envelope>";
  }

  static String aiqHeader(String entity, String accessToken) {
    return "<AiqSoapHeader xmlns=\""
        + NS
        + "\">"
        + (entity == null ? "" : "<Entity>" + entity + "</Entity>")
        + (accessToken == null ? "" : "<AccessToken>" + accessToken + "</AccessToken>")
        + "</AiqSoapHeader>";
  }

  static String op(String name, String inner) {
    return "<" + name + " xmlns=\"" + NS + "\">" + inner + "</" + name + ">";
  }

  static String el(String name, Object value) {
    return value == null ? "" : "<" + name + ">" + value + "</" + name + ">";
  }

  /**
   * POST with SOAPAction {@code "NS + action"} (quoted); {@code action} null = no SOAPAction
   * header.
   */
  HttpResponse<String> post(String url, String action, String envelope, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "text/xml; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    if (action != null) b.header("SOAPAction", "\"" + NS + action + "\"");
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.build());
  }

  /** A 1.1 call: {@code <token>} first in the body. */
  HttpResponse<String> call11(String operation, String token, String inner, String... headers) {
    return post(
        sim.endpoint11(),
        operation,
        envelope(null, op(operation, el("token", token) + inner)),
        headers);
  }

  /** A 2.0 call with AiqSoapHeader. */
  HttpResponse<String> call20(
      String operation, String entity, String accessToken, String inner, String... headers) {
    return post(
        sim.endpoint20(),
        operation,
        envelope(aiqHeader(entity, accessToken), op(operation, inner)),
        headers);
  }

  HttpResponse<String> login(
      String companyId, String partnerKey, String userKey, String... headers) {
    return post(
        sim.endpoint11(),
        "Login",
        envelope(
            null,
            op(
                "Login",
                el("companyID", companyId)
                    + el("partnerKey", partnerKey)
                    + el("userKey", userKey))),
        headers);
  }

  /** Logs in, failing the test if refused. */
  String token(String companyId, String partnerKey, String userKey) {
    Element r = child(body(login(companyId, partnerKey, userKey)), "LoginResult");
    if (r == null || r.getTextContent().isBlank()) throw new AssertionError("login refused");
    return r.getTextContent();
  }

  HttpResponse<String> tokenGet(String clientId, String secret) {
    return post(
        sim.endpoint20(),
        "TokenGet",
        envelope(null, op("TokenGet", el("clientId", clientId) + el("clientSecret", secret))));
  }

  HttpResponse<String> tokenRefresh(String clientId, String secret, String refreshToken) {
    return post(
        sim.endpoint20(),
        "TokenRefresh",
        envelope(
            null,
            op(
                "TokenRefresh",
                el("clientId", clientId)
                    + el("clientSecret", secret)
                    + el("refreshToken", refreshToken))));
  }

  /** [accessToken, refreshToken] from a TokenGet, failing the test if refused. */
  String[] tokens(String clientId, String secret) {
    Element result = child(child(body(tokenGet(clientId, secret)), "TokenGetResult"), "Result");
    if (result == null) throw new AssertionError("TokenGet refused");
    return new String[] {text(result, "AccessToken"), text(result, "RefreshToken")};
  }

  /**
   * The §1.6 workflow on 1.1: GetNewSalesInvoice for {@code customer}, then
   * SaveInvoiceGetBackInvoiceID(create=true) with {@code ExternalReference} and {@code lines}.
   */
  HttpResponse<String> saveNewInvoice(
      String token, String externalReference, String customer, String lines, String... headers) {
    Element template =
        child(
            result(
                call11("GetNewSalesInvoice", token, el("customerCode", customer)),
                "GetNewSalesInvoice"),
            "Result");
    String invoice =
        RecordXml.param(
            "invoice",
            template,
            java.util.Map.of("ExternalReference", externalReference, "Lines", lines));
    return call11("SaveInvoiceGetBackInvoiceID", token, invoice + el("create", true), headers);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpClient client() {
    return client;
  }

  /** Parses with DTDs refused (a client must never resolve the simulator's XXE payload). */
  static Document xml(String body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + body, e);
    }
  }

  /** The operation response element ({@code <OpResponse>}) of a SOAP answer. */
  static Element body(HttpResponse<String> r) {
    Document d = xml(r.body());
    Element env = d.getDocumentElement();
    Element body = childNs(env, ENV, "Body");
    if (body == null) throw new AssertionError("no Body: " + r.body());
    return firstElement(body);
  }

  /** {@code <OpResult>} of {@code <OpResponse>}. */
  static Element result(HttpResponse<String> r, String operation) {
    Element resp = body(r);
    if (!resp.getLocalName().equals(operation + "Response"))
      throw new AssertionError("not a response: " + r.body());
    return child(resp, operation + "Result");
  }

  static Element child(Element parent, String localName) {
    return parent == null ? null : childNs(parent, NS, localName);
  }

  static Element childNs(Element parent, String ns, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && localName.equals(e.getLocalName())
          && ns.equals(e.getNamespaceURI())) return e;
    }
    return null;
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName())))
        out.add(e);
    }
    return out;
  }

  /** Local names of the element children, in order. */
  static List<String> names(Element parent) {
    return children(parent, null).stream().map(Element::getLocalName).toList();
  }

  static Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
      if (n instanceof Element e) return e;
    return null;
  }

  static String text(Element parent, String localName) {
    Element c = child(parent, localName);
    return c == null ? null : c.getTextContent();
  }

  static boolean isNil(Element e) {
    return "true".equals(e.getAttributeNS(XSI, "nil"));
  }
}
