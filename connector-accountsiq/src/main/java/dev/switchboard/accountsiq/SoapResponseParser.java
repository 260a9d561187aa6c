package dev.switchboard.accountsiq;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Parses one AccountsIQ SOAP answer as it arrives, chunk by chunk, without blocking and without a
 * document tree: {@link #feed} returns what the bytes so far complete. The envelope is {@code
 * Body/<Op>Response/<Op>Result/{Status, ErrorCode, ErrorMessage, HasExpired, Result}} followed by
 * out-parameter siblings, or {@code Body/Fault}. DTDs and entity references are refused (XXE),
 * whatever the server sends.
 */
final class SoapResponseParser {
  /** What a parsed answer holds, in order. */
  sealed interface Event permits Outcome, Record, OutParam, Fault {}

  /** The result header; {@code status} is null when the result carries none (Login). */
  record Outcome(String status, String errorCode, String errorMessage, boolean hasExpired)
      implements Event {}

  record Record(JsonNode value) implements Event {}

  record OutParam(String name, JsonNode value) implements Event {}

  record Fault(String code, String message) implements Event {}

  private static final AsyncXMLInputFactory FACTORY = new InputFactoryImpl();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
  }

  private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader =
      FACTORY.createAsyncForByteArray();
  private final ResultShape shape;
  private final ElementTreeBuilder tree = new ElementTreeBuilder();
  private final List<String> path = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private String status;
  private String errorCode;
  private String errorMessage;
  private boolean hasExpired;
  private boolean outcomeSent;
  private boolean responseClosed;
  private String faultCode;
  private String faultString;

  SoapResponseParser(ResultShape shape) {
    this.shape = shape;
  }

  /** Feeds the next bytes; returns the events they complete. */
  List<Event> feed(byte[] bytes) throws XMLStreamException {
    reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
    return drain();
  }

  /** Signals the end of the body; fails if the document is incomplete. */
  List<Event> end() throws XMLStreamException {
    reader.getInputFeeder().endOfInput();
    List<Event> out = drain();
    if (!path.isEmpty()) {
      throw new XMLStreamException(
          "the SOAP answer ended inside <" + path.get(path.size() - 1) + ">");
    }
    if (faultCode != null) {
      out.add(new Fault(faultCode, faultString));
    } else if (!outcomeSent && shape == ResultShape.BARE && responseClosed) {
      // An empty <LoginResponse/>: well formed, no value. The caller decides what that means
      // (a refused login), not the parser.
      out.add(new Outcome(null, null, null, false));
    } else if (!outcomeSent) {
      throw new XMLStreamException("the SOAP answer has no result element");
    }
    return out;
  }

  private List<Event> drain() throws XMLStreamException {
    List<Event> out = new ArrayList<>();
    int ev;
    while ((ev = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE
        && ev != XMLStreamConstants.END_DOCUMENT) {
      switch (ev) {
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
            throw new XMLStreamException("DTDs and entity references are refused");
        case XMLStreamConstants.START_ELEMENT -> start(out);
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (tree.active()) {
            tree.text(reader.getText());
          } else {
            text.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> end(out);
        default -> {}
      }
    }
    return out;
  }

  private void start(List<Event> out) {
    String name = reader.getLocalName();
    boolean nil = "true".equals(reader.getAttributeValue(SoapRequest.XSI_NS, "nil"));
    path.add(name);
    text.setLength(0);
    int depth = path.size();
    // Envelope(1) Body(2) <Op>Response(3) <Op>Result(4) Result(5) record(6)
    if (tree.active()) {
      tree.start(name, nil);
    } else if (depth == 5 && name.equals("Result") && !shape.scalarAt4()) {
      if (shape.statusFirst()) {
        sendOutcome(out); // before any record: an expired token is known before data flows
      }
      if (shape.resultIsRecord()) {
        tree.start(name, nil);
      }
    } else if (depth == 6 && path.get(4).equals("Result") && shape == ResultShape.LIST) {
      tree.start(name, nil);
    } else if (depth == 4 && !name.endsWith("Result") && !path.get(2).equals("Fault")) {
      tree.start(name, nil); // an out-parameter sibling such as <invoiceID>
    }
  }

  private void end(List<Event> out) {
    int depth = path.size();
    String name = path.remove(depth - 1);
    if (depth == 3 && !name.equals("Fault")) {
      responseClosed = true;
    }
    if (tree.active()) {
      JsonNode done = tree.end();
      if (done != null) {
        if (depth == 4) {
          out.add(new OutParam(name, done));
        } else {
          out.add(new Record(done));
        }
      }
      return;
    }
    String value = text.toString();
    text.setLength(0);
    if (depth == 5 && path.get(3).endsWith("Result")) {
      switch (name) {
        case "Status" -> status = value.trim();
        case "ErrorCode" -> errorCode = value.trim();
        case "ErrorMessage" -> errorMessage = value;
        case "HasExpired" -> hasExpired = value.trim().equals("true");
        case "Result" -> {
          if (shape == ResultShape.SCALAR) {
            out.add(new Record(AccountsIqTypes.value("Result", value)));
          }
        }
        default -> {}
      }
    } else if (depth == 4 && name.endsWith("Result")) {
      if (shape.scalarAt4()) {
        out.add(new Record(AccountsIqTypes.value(name, value)));
      }
      sendOutcome(out);
    } else if (depth == 4 && path.size() == 3 && path.get(2).equals("Fault")) {
      if (name.equals("faultcode")) {
        faultCode = value.trim();
      } else if (name.equals("faultstring")) {
        faultString = value.trim();
      }
    }
  }

  private void sendOutcome(List<Event> out) {
    if (!outcomeSent) {
      outcomeSent = true;
      out.add(new Outcome(status, errorCode, errorMessage, hasExpired));
    }
  }
}
