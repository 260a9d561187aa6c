package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * AccountsIQ SOAP 1.1 over HTTP: the request envelope is a template with escaped values, the
 * SOAPAction header the quoted operation URI, and the answer's body element is read with StAX into
 * JSON (element names kept, text as strings, {@code xsi:nil} as null, repeated elements as arrays).
 * DTDs and external entities are switched off.
 */
final class SoapClient {
  static final String NS = "http://www.visorsoftware.com/visor/accountsiq/dashboard/Integration/";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String ENVELOPE =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
          + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
          + "<%1$s xmlns=\""
          + NS
          + "\">%2$s</%1$s></soap:Body></soap:Envelope>";
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** HTTP status and the Body's first element as JSON, e.g. {@code {"LoginResult":"..."}}. */
  record Answer(int httpStatus, JsonNode body) {}

  private final HttpClient http;
  private final URI endpoint;

  SoapClient(HttpClient http, URI endpoint) {
    this.http = http;
    this.endpoint = endpoint;
  }

  /**
   * @param fields element name, value, name, value, … in the operation's order
   */
  CompletableFuture<Answer> call(String operation, String... fields) {
    return http.sendAsync(request(operation, fields), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(res -> new Answer(res.statusCode(), parse(operation, res.body())));
  }

  /**
   * The blocking form with the answer as a stream, for whole lists: the caller reads it with {@link
   * #xml}.
   */
  HttpResponse<java.io.InputStream> stream(String operation, String... fields)
      throws IOException, InterruptedException {
    return http.send(request(operation, fields), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** A StAX reader over an answer, DTDs and external entities off. */
  static XMLStreamReader xml(java.io.InputStream in) throws XMLStreamException {
    return XML.createXMLStreamReader(in);
  }

  /** The blocking form, for logins. */
  Answer callAndWait(String operation, String... fields) throws IOException, InterruptedException {
    HttpResponse<byte[]> res =
        http.send(request(operation, fields), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(res.statusCode(), parse(operation, res.body()));
  }

  private HttpRequest request(String operation, String... fields) {
    StringBuilder children = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      children
          .append('<')
          .append(fields[i])
          .append('>')
          .append(escape(fields[i + 1]))
          .append("</")
          .append(fields[i])
          .append('>');
    }
    return HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + NS + operation + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(String.format(ENVELOPE, operation, children)))
        .build();
  }

  private static JsonNode parse(String operation, byte[] xml) {
    try {
      XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        boolean inBody = false;
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT) {
            if (inBody) {
              return element(r);
            }
            inBody = "Body".equals(r.getLocalName());
          }
        }
        return NullNode.getInstance();
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new CommandFailure("PROVIDER_BAD_RESPONSE", operation + ": the answer is not XML");
    }
  }

  /** The element the reader is on, as JSON; leaves the reader on its end tag. */
  static JsonNode element(XMLStreamReader r) throws XMLStreamException {
    boolean nil = "true".equals(r.getAttributeValue(XSI, "nil"));
    ObjectNode obj = null;
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        JsonNode child = element(r);
        obj = obj == null ? Json.MAPPER.createObjectNode() : obj;
        JsonNode before = obj.get(name);
        if (before == null) {
          obj.set(name, child);
        } else if (before.isArray()) {
          ((ArrayNode) before).add(child);
        } else {
          obj.set(name, Json.MAPPER.createArrayNode().add(before).add(child));
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    return obj != null ? obj : nil ? NullNode.getInstance() : TextNode.valueOf(text.toString());
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
