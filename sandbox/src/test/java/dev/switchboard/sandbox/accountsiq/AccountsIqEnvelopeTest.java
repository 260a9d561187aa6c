package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** SOAP 1.1 transport, dispatch and faults (provider-apis.md §1.2, §1.5, §1.10.1). */
class AccountsIqEnvelopeTest extends SimulatorFixture {
  private static final String NS = AccountsIqSoap.NS;

  @Test
  void soapActionQuotedUnquotedOrAbsent() {
    start(AccountsIqSettings.defaults());
    String body =
        AccountsIqSoap.envelope(
            null,
            AccountsIqSoap.op(
                "GetCustomer", el("token", token11()) + el("customerCode", "C000001")));
    assertThat(status(raw(body, "\"" + NS + "GetCustomer\""))).isEqualTo("Success");
    assertThat(status(raw(body, NS + "GetCustomer")))
        .as("Postman sends it unquoted")
        .isEqualTo("Success");
    assertThat(status(raw(body, null))).as("falls back to the body element").isEqualTo("Success");
    assertThat(status(raw(body, "\"\""))).as("empty action = none").isEqualTo("Success");
  }

  @Test
  void aMismatchedOrUnknownActionIsASoapClientFault() {
    start(AccountsIqSettings.defaults());
    String body =
        AccountsIqSoap.envelope(null, AccountsIqSoap.op("GetCustomer", el("token", token11())));
    assertFault(raw(body, NS + "GetSupplier"), "soap:Client", "does not match the request element");
    assertFault(
        raw(body, NS + "DoesNotExist"),
        "soap:Client",
        "did not recognize the value of HTTP Header SOAPAction");
    assertFault(raw(body, "http://example.com/GetCustomer"), "soap:Client", "did not recognize");
    String wrongNs =
        AccountsIqSoap.envelope(
            null, "<GetCustomer xmlns=\"http://example.com/\"><token>x</token></GetCustomer>");
    assertFault(
        raw(wrongNs, null), "soap:Client", "did not recognize the value of the request element");
    assertFault(
        raw(AccountsIqSoap.envelope(null, AccountsIqSoap.op("NoSuchOperation", "")), null),
        "soap:Client",
        "NoSuchOperation");
    assertThat(sim.stats().soapFaults()).isEqualTo(5);
    assertThat(sim.stats().calls()).doesNotContainKey("GetSupplier");
  }

  @Test
  void requireSoapActionIsASetting() {
    start(AccountsIqSettings.defaults().withRequireSoapAction(true));
    String body =
        AccountsIqSoap.envelope(null, AccountsIqSoap.op("GetCustomer", el("token", token11())));
    assertFault(raw(body, null), "soap:Client", "without a valid action parameter");
  }

  @Test
  void malformedXmlMissingBodyAndWrongEnvelopeAreFaults() {
    start(AccountsIqSettings.defaults());
    assertFault(
        raw(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>",
            null),
        "soap:Client",
        "Server was unable to read request");
    assertFault(raw("", null), "soap:Client", "Root element is missing");
    assertFault(
        raw("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"/>", null),
        "soap:Client",
        "SOAP Body");
    assertFault(raw(AccountsIqSoap.envelope(null, ""), null), "soap:Client", "Body is empty");
    String soap12 =
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
            + AccountsIqSoap.op("GetCustomer", "")
            + "</s:Body></s:Envelope>";
    assertFault(raw(soap12, null), "soap:VersionMismatch", "Envelope namespace");
  }

  @Test
  void aRequestWithADtdOrExternalEntityIsRefused() throws Exception {
    start(AccountsIqSettings.defaults());
    Path secret = Files.createTempFile("aiq-xxe", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    try {
      String xxe =
          "<?xml version=\"1.0\"?><!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \""
              + secret.toUri()
              + "\">]>"
              + AccountsIqSoap.envelope(
                      null,
                      AccountsIqSoap.op(
                          "Login",
                          el("companyID", "&xxe;")
                              + el("partnerKey", PARTNER_KEY)
                              + el("userKey", USER_KEY)))
                  .replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "");
      HttpResponse<String> r = raw(xxe, NS + "Login");
      assertFault(r, "soap:Client", "DTD is prohibited");
      assertThat(r.body()).doesNotContain("TOP-SECRET-CONTENT");
      String bomb =
          "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
              + "<lolz>&lol2;</lolz>";
      assertFault(raw(bomb, null), "soap:Client", "DTD is prohibited");
      assertThat(sim.stats().logins(COMPANY)).isZero();
    } finally {
      Files.delete(secret);
    }
  }

  @Test
  void onlyTextXmlIsAccepted() {
    start(AccountsIqSettings.defaults());
    HttpResponse<String> json =
        soap.send(
            HttpRequest.newBuilder(URI.create(sim.endpoint11()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(json.statusCode()).isEqualTo(500);
    assertThat(json.body()).contains("Request format is invalid: application/json");
  }

  @Test
  void malformedValuesMakeTheRequestUnreadable() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    assertFault(
        soap.call11(
            "UpdateCustomer",
            token,
            "<customer><Code>X1</Code><Name>n</Name></customer>" + el("create", "True")),
        "soap:Client",
        "'True' is not a valid Boolean value");
    assertFault(
        soap.call11(
            "UpdateCustomer",
            token,
            "<customer><Code>X1</Code><Name>n</Name>"
                + "<CreditLimit>1,5</CreditLimit></customer>"
                + el("create", true)),
        "soap:Client",
        "Input string was not in a correct format");
    assertFault(
        soap.call11("GetInvoice", token, el("invoiceID", "12a")), "soap:Client", "Input string");
    assertFault(
        soap.call11(
            "UpdateCustomer",
            token,
            "<customer><Code>X1</Code><Name>n</Name>"
                + "<CreationDate>15/01/2024</CreationDate></customer>"
                + el("create", true)),
        "soap:Client",
        "not a valid AllXsd value");
    assertFault(
        soap.call11(
            "UpdateCustomer",
            token,
            "<customer><Code>X1</Code><Name>n</Name>"
                + "<LedgerType>Debtors</LedgerType></customer>"
                + el("create", true)),
        "soap:Client",
        "not a valid value for LedgerType");
    assertThat(sim.data(COMPANY).createdCustomerCount()).isZero();
  }

  @Test
  void pathsAreCaseInsensitiveAndTheWsdlIsServed() {
    start(AccountsIqSettings.defaults());
    HttpResponse<String> wsdl =
        soap.send(HttpRequest.newBuilder(URI.create(sim.endpoint20() + "?wsdl")).GET().build());
    assertThat(wsdl.statusCode()).isEqualTo(200);
    assertThat(wsdl.body())
        .contains("soapAction=\"" + NS + "TokenGet\"")
        .contains("AiqSoapHeader")
        .contains("location=\"" + sim.endpoint20() + "\"")
        .doesNotContain("name=\"Login\"");
    AccountsIqSoap.xml(wsdl.body());
    String upper = sim.endpoint11().replace("integration_1_1.asmx", "Integration_1_1.ASMX");
    HttpResponse<String> r =
        soap.post(
            upper,
            "Login",
            AccountsIqSoap.envelope(
                null,
                AccountsIqSoap.op(
                    "Login",
                    el("companyID", COMPANY)
                        + el("partnerKey", PARTNER_KEY)
                        + el("userKey", USER_KEY))));
    assertThat(AccountsIqSoap.text(AccountsIqSoap.body(r), "LoginResult")).isNotBlank();
  }

  private HttpResponse<String> raw(String body, String soapAction) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.endpoint11()))
            .header("Content-Type", "text/xml; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (soapAction != null) b.header("SOAPAction", soapAction);
    return soap.send(b.build());
  }

  private static String status(HttpResponse<String> r) {
    return AccountsIqSoap.text(AccountsIqSoap.result(r, "GetCustomer"), "Status");
  }

  static void assertFault(HttpResponse<String> r, String faultCode, String text) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
    var fault = AccountsIqSoap.body(r);
    assertThat(fault.getLocalName()).isEqualTo("Fault");
    assertThat(AccountsIqSoap.names(fault)).containsExactly("faultcode", "faultstring", "detail");
    assertThat(fault.getElementsByTagName("faultcode").item(0).getTextContent())
        .isEqualTo(faultCode);
    assertThat(fault.getElementsByTagName("faultstring").item(0).getTextContent()).contains(text);
  }
}
