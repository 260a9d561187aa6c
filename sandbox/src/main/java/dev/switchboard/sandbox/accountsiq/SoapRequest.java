package dev.switchboard.sandbox.accountsiq;

/**
 * A parsed SOAP 1.1 request: the 2.0 {@code AiqSoapHeader} (if any) and the body's operation
 * element. {@code <soap:Envelope><soap:Header><AiqSoapHeader xmlns=NS><Entity/><AccessToken/>
 * </AiqSoapHeader></soap:Header><soap:Body><Op xmlns=NS>...</Op></soap:Body></soap:Envelope>}.
 *
 * @param aiqHeader the AiqSoapHeader element, or null
 * @param operation the first element child of Body
 */
record SoapRequest(XmlNode aiqHeader, XmlNode operation) {

  /**
   * @throws SoapFault for anything that is not a SOAP 1.1 envelope with a body element
   */
  static SoapRequest parse(byte[] body) {
    XmlNode env = SecureXml.parse(body);
    if (!"Envelope".equals(env.name))
      throw SoapFault.client("Root element is not a SOAP Envelope.");
    if (!Soap.ENVELOPE_NS.equals(env.ns)) {
      // SOAP 1.2 or no namespace: ASMX's SOAP 1.1 handler answers VersionMismatch.
      throw SoapFault.versionMismatch(
          "Possible SOAP version mismatch: Envelope namespace "
              + env.ns
              + " was unexpected. Expecting "
              + Soap.ENVELOPE_NS
              + ".");
    }
    XmlNode header = env.child(Soap.ENVELOPE_NS, "Header");
    XmlNode bodyNode = env.child(Soap.ENVELOPE_NS, "Body");
    if (bodyNode == null)
      throw SoapFault.client("Unable to handle request without a SOAP Body element.");
    XmlNode op = bodyNode.firstElement();
    if (op == null) throw SoapFault.client("Unable to handle request: the SOAP Body is empty.");
    return new SoapRequest(header == null ? null : header.child("AiqSoapHeader"), op);
  }

  /** {@code AiqSoapHeader/Entity}, or null. */
  String headerEntity() {
    return aiqHeader == null ? null : trimToNull(aiqHeader.text("Entity"));
  }

  /** {@code AiqSoapHeader/AccessToken}, or null. */
  String headerAccessToken() {
    return aiqHeader == null ? null : trimToNull(aiqHeader.text("AccessToken"));
  }

  static String trimToNull(String s) {
    if (s == null) return null;
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
