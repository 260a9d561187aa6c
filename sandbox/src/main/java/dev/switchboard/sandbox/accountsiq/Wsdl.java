package dev.switchboard.sandbox.accountsiq;

/**
 * A trimmed {@code ?wsdl}: the simulated operations of one endpoint with their SOAP 1.1 binding
 * (document/literal, {@code soapAction = NS + name}) and service address. Element contents are left
 * open ({@code s:any}); the full WSDL is the vendor's (~915 KB, §1.1) and is not reproduced.
 */
final class Wsdl {
  private Wsdl() {}

  static String of(ApiVersion v, OperationCatalog catalog, String address) {
    String s = v.serviceName;
    StringBuilder types = new StringBuilder();
    StringBuilder messages = new StringBuilder();
    StringBuilder port = new StringBuilder();
    StringBuilder binding = new StringBuilder();
    for (SoapOperation op : catalog.all()) {
      if (!op.versions().contains(v)) continue;
      String n = op.name();
      for (String e : new String[] {n, n + "Response"}) {
        types
            .append("<s:element name=\"")
            .append(e)
            .append("\"><s:complexType><s:sequence>")
            .append("<s:any minOccurs=\"0\" maxOccurs=\"unbounded\" processContents=\"lax\"/>")
            .append("</s:sequence></s:complexType></s:element>");
      }
      messages
          .append("<wsdl:message name=\"")
          .append(n)
          .append("SoapIn\">")
          .append("<wsdl:part name=\"parameters\" element=\"tns:")
          .append(n)
          .append("\"/></wsdl:message>")
          .append("<wsdl:message name=\"")
          .append(n)
          .append("SoapOut\">")
          .append("<wsdl:part name=\"parameters\" element=\"tns:")
          .append(n)
          .append("Response\"/></wsdl:message>");
      port.append("<wsdl:operation name=\"")
          .append(n)
          .append("\"><wsdl:input message=\"tns:")
          .append(n)
          .append("SoapIn\"/><wsdl:output message=\"tns:")
          .append(n)
          .append("SoapOut\"/></wsdl:operation>");
      binding
          .append("<wsdl:operation name=\"")
          .append(n)
          .append("\"><soap:operation soapAction=\"")
          .append(Soap.NS)
          .append(n)
          .append("\" style=\"document\"/><wsdl:input><soap:body use=\"literal\"/></wsdl:input>")
          .append("<wsdl:output><soap:body use=\"literal\"/></wsdl:output></wsdl:operation>");
    }
    if (v == ApiVersion.V2_0) {
      types
          .append("<s:element name=\"AiqSoapHeader\" type=\"tns:AiqSoapHeader\"/>")
          .append("<s:complexType name=\"AiqSoapHeader\">")
          .append(
              "<s:sequence><s:element minOccurs=\"0\" maxOccurs=\"1\" name=\"Entity\" type=\"s:string\"/>")
          .append(
              "<s:element minOccurs=\"0\" maxOccurs=\"1\" name=\"AccessToken\" type=\"s:string\"/></s:sequence>")
          .append("<s:anyAttribute/></s:complexType>");
    }
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<wsdl:definitions xmlns:s=\""
        + Soap.XSD
        + "\" xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\""
        + " xmlns:tns=\""
        + Soap.NS
        + "\" xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\""
        + " targetNamespace=\""
        + Soap.NS
        + "\">"
        + "<wsdl:documentation>Switchboard sandbox: simulated subset of "
        + s
        + ".</wsdl:documentation>"
        + "<wsdl:types><s:schema elementFormDefault=\"qualified\" targetNamespace=\""
        + Soap.NS
        + "\">"
        + types
        + "</s:schema></wsdl:types>"
        + messages
        + "<wsdl:portType name=\""
        + s
        + "Soap\">"
        + port
        + "</wsdl:portType>"
        + "<wsdl:binding name=\""
        + s
        + "Soap\" type=\"tns:"
        + s
        + "Soap\">"
        + "<soap:binding transport=\"http://schemas.xmlsoap.org/soap/http\"/>"
        + binding
        + "</wsdl:binding>"
        + "<wsdl:service name=\""
        + s
        + "\"><wsdl:port name=\""
        + s
        + "Soap\" binding=\"tns:"
        + s
        + "Soap\">"
        + "<soap:address location=\""
        + address
        + "\"/></wsdl:port></wsdl:service></wsdl:definitions>";
  }
}
