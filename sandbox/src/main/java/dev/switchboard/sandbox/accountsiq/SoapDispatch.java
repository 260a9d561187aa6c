package dev.switchboard.sandbox.accountsiq;

/**
 * Finds the operation of a request (§1.10.1): from {@code SOAPAction} ({@code
 * http://www.visorsoftware.com/.../Integration/<Op>}, quoted as ASMX clients send it or unquoted as
 * the vendor's Postman collection does), else from the local name of the first body child. An
 * unknown action, a body element in another namespace, or an action that disagrees with the body
 * element is a {@code soap:Client} fault (HTTP 500), worded as ASMX words it.
 */
final class SoapDispatch {
  private final OperationCatalog catalog;
  private final boolean requireSoapAction;

  SoapDispatch(OperationCatalog catalog, boolean requireSoapAction) {
    this.catalog = catalog;
    this.requireSoapAction = requireSoapAction;
  }

  SoapOperation resolve(ApiVersion version, String soapActionHeader, XmlNode body) {
    String action = normalise(soapActionHeader);
    if (action == null) {
      if (requireSoapAction) {
        throw SoapFault.client(
            "Unable to handle request without a valid action parameter. Please supply a valid soap action.");
      }
      SoapOperation op = Soap.NS.equals(body.ns) ? catalog.find(version, body.name) : null;
      if (op == null) {
        throw SoapFault.client(
            "Server did not recognize the value of the request element: {"
                + body.ns
                + "}"
                + body.name
                + ".");
      }
      return op;
    }
    SoapOperation op =
        action.startsWith(Soap.NS)
            ? catalog.find(version, action.substring(Soap.NS.length()))
            : null;
    if (op == null) {
      throw SoapFault.client(
          "Server did not recognize the value of HTTP Header SOAPAction: " + action + ".");
    }
    if (!body.is(Soap.NS, op.name())) {
      throw SoapFault.client(
          "The SOAPAction "
              + action
              + " does not match the request element {"
              + body.ns
              + "}"
              + body.name
              + ".");
    }
    return op;
  }

  /** The action without surrounding whitespace and quotes; null if absent or empty. */
  static String normalise(String header) {
    if (header == null) return null;
    String a = header.trim();
    if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\""))
      a = a.substring(1, a.length() - 1).trim();
    return a.isEmpty() ? null : a;
  }
}
