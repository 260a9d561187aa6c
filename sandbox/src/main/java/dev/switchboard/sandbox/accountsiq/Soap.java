package dev.switchboard.sandbox.accountsiq;

/** Wire constants, CERTAIN from provider-apis.md §1.2 (Postman collections, 2.0 WSDL). */
final class Soap {
  /** Namespace of every body element and of the 2.0 {@code AiqSoapHeader}. */
  static final String NS = "http://www.visorsoftware.com/visor/accountsiq/dashboard/Integration/";

  static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String XSD = "http://www.w3.org/2001/XMLSchema";

  /** SOAP 1.1 request and response content type. */
  static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  static final String BASE_PATH = "/system/dashboard/integration/";

  /** ASMX's default maxRequestLength (4 MB). */
  static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  private Soap() {}
}
