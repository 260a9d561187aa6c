package dev.switchboard.sandbox.accountsiq;

import io.vertx.core.buffer.Buffer;

/**
 * A SOAP 1.1 {@code soap:Fault}, always HTTP 500 (LIKELY, generic ASMX behaviour, §1.5): the WSDL
 * declares no {@code wsdl:fault}, so only requests the service cannot read or route, and unhandled
 * server errors, take this path. Business errors are in-band with HTTP 200.
 */
final class SoapFault extends RuntimeException {
  static final String CLIENT = "soap:Client";
  static final String SERVER = "soap:Server";
  static final String VERSION_MISMATCH = "soap:VersionMismatch";

  final String faultCode;

  private SoapFault(String faultCode, String faultString) {
    super(faultString, null, false, false);
    this.faultCode = faultCode;
  }

  static SoapFault client(String faultString) {
    return new SoapFault(CLIENT, faultString);
  }

  static SoapFault server(String faultString) {
    return new SoapFault(SERVER, faultString);
  }

  static SoapFault versionMismatch(String faultString) {
    return new SoapFault(VERSION_MISMATCH, faultString);
  }

  /** ASMX's wording when XmlSerializer cannot read the request. */
  static SoapFault unreadable(String detail) {
    return client(
        "Server was unable to read request. ---> There is an error in XML document. ---> "
            + detail);
  }

  /** The fault envelope, as ASMX writes it. */
  Buffer envelope() {
    return Buffer.buffer(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<soap:Envelope xmlns:soap=\""
            + Soap.ENVELOPE_NS
            + "\" xmlns:xsi=\""
            + Soap.XSI
            + "\" xmlns:xsd=\""
            + Soap.XSD
            + "\"><soap:Body><soap:Fault><faultcode>"
            + faultCode
            + "</faultcode><faultstring>"
            + escape(getMessage())
            + "</faultstring><detail /></soap:Fault></soap:Body></soap:Envelope>");
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
