package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.accountsiq.SoapResponseParser.Event;
import dev.switchboard.accountsiq.SoapResponseParser.Fault;
import dev.switchboard.accountsiq.SoapResponseParser.OutParam;
import dev.switchboard.accountsiq.SoapResponseParser.Outcome;
import dev.switchboard.accountsiq.SoapResponseParser.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every answer shape, whatever the chunking of the bytes (down to one byte at a time). */
class SoapResponseParserTest {
  static final String NS = "http://www.visorsoftware.com/visor/accountsiq/dashboard/Integration/";

  static String envelope(String body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap="
        + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsi="
        + "\"http://www.w3.org/2001/XMLSchema-instance\"><soap:Body>"
        + body
        + "</soap:Body></soap:Envelope>";
  }

  static List<Event> parse(String xml, ResultShape shape, int chunk) throws XMLStreamException {
    SoapResponseParser p = new SoapResponseParser(shape);
    byte[] all = xml.getBytes(StandardCharsets.UTF_8);
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < all.length; i += chunk) {
      out.addAll(p.feed(Arrays.copyOfRange(all, i, Math.min(all.length, i + chunk))));
    }
    out.addAll(p.end());
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, 100_000})
  void aListStreamsItsRecordsAfterTheOutcome(int chunk) throws Exception {
    String xml =
        envelope(
            "<GetCustomerListResponse xmlns=\""
                + NS
                + "\"><GetCustomerListResult>"
                + "<Status>Success</Status><ErrorCode>SUCCESS</ErrorCode><HasExpired>false</HasExpired>"
                + "<Result><Customer><AccountID>42</AccountID><Code>00123</Code><CreditLimit>1200.00"
                + "</CreditLimit><IsActive>true</IsActive><Notes xsi:nil=\"true\"/><CreationDate>"
                + "2024-01-15T10:00:00</CreationDate><NewField>kept</NewField></Customer>"
                + "<Customer><AccountID>43</AccountID><Code>B&amp;Q</Code></Customer></Result>"
                + "</GetCustomerListResult></GetCustomerListResponse>");
    List<Event> ev = parse(xml, ResultShape.LIST, chunk);
    assertThat(ev).hasSize(3);
    assertThat(ev.get(0)).isEqualTo(new Outcome("Success", "SUCCESS", null, false));
    assertThat(((Record) ev.get(1)).value().toString())
        .isEqualTo(
            "{\"AccountID\":42,"
                + "\"Code\":\"00123\",\"CreditLimit\":1200.00,\"IsActive\":true,\"Notes\":null,"
                + "\"CreationDate\":\"2024-01-15T10:00:00\",\"NewField\":\"kept\"}");
    assertThat(((Record) ev.get(2)).value().path("Code").asText()).isEqualTo("B&Q");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 50})
  void anExpiredTokenIsAnOutcomeWithoutRecords(int chunk) throws Exception {
    String xml =
        envelope(
            "<GetCustomerListResponse xmlns=\""
                + NS
                + "\"><GetCustomerListResult>"
                + "<Status>Failure</Status><ErrorCode>UNKNOWN</ErrorCode><ErrorMessage>Session has "
                + "expired</ErrorMessage><HasExpired>true</HasExpired></GetCustomerListResult>"
                + "</GetCustomerListResponse>");
    assertThat(parse(xml, ResultShape.LIST, chunk))
        .containsExactly(new Outcome("Failure", "UNKNOWN", "Session has expired", true));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void outParametersFollowTheResult(int chunk) throws Exception {
    String xml =
        envelope(
            "<SaveInvoiceGetBackInvoiceIDResponse xmlns=\""
                + NS
                + "\">"
                + "<SaveInvoiceGetBackInvoiceIDResult><Status>Created</Status><ErrorCode>SUCCESS"
                + "</ErrorCode><HasExpired>false</HasExpired></SaveInvoiceGetBackInvoiceIDResult>"
                + "<invoiceID>1007</invoiceID></SaveInvoiceGetBackInvoiceIDResponse>");
    List<Event> ev = parse(xml, ResultShape.NONE, chunk);
    assertThat(ev.get(0)).isEqualTo(new Outcome("Created", "SUCCESS", null, false));
    assertThat(ev.get(1))
        .isInstanceOfSatisfying(
            OutParam.class,
            o -> {
              assertThat(o.name()).isEqualTo("invoiceID");
              assertThat(o.value().asLong()).isEqualTo(1007);
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void tokenAnswersPutTheResultBeforeTheStatus(int chunk) throws Exception {
    String xml =
        envelope(
            "<TokenGetResponse xmlns=\""
                + NS
                + "\"><TokenGetResult><Result>"
                + "<AccessToken>eyJ</AccessToken><RefreshToken>r-1</RefreshToken></Result><Status>"
                + "Success</Status><ErrorCode>SUCCESS</ErrorCode><ErrorMessage/></TokenGetResult>"
                + "</TokenGetResponse>");
    List<Event> ev = parse(xml, ResultShape.TRAILING_STATUS, chunk);
    assertThat(((Record) ev.get(0)).value().path("RefreshToken").asText()).isEqualTo("r-1");
    assertThat(ev.get(1)).isEqualTo(new Outcome("Success", "SUCCESS", "", false));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void loginAnswersABareStringAndScalarsAreValues(int chunk) throws Exception {
    String login =
        envelope(
            "<LoginResponse xmlns=\""
                + NS
                + "\"><LoginResult>3f9c</LoginResult>"
                + "</LoginResponse>");
    List<Event> ev = parse(login, ResultShape.BARE, chunk);
    assertThat(((Record) ev.get(0)).value().asText()).isEqualTo("3f9c");
    String code =
        envelope(
            "<UpdateCustomerGetbackCustomerCodeResponse xmlns=\""
                + NS
                + "\">"
                + "<UpdateCustomerGetbackCustomerCodeResult><Status>Success</Status><ErrorCode>SUCCESS"
                + "</ErrorCode><HasExpired>false</HasExpired><Result>CUST9</Result>"
                + "</UpdateCustomerGetbackCustomerCodeResult></UpdateCustomerGetbackCustomerCodeResponse>");
    assertThat(((Record) parse(code, ResultShape.SCALAR, chunk).get(1)).value().asText())
        .isEqualTo("CUST9");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void arraysStayArraysWithOneItemOrNone(int chunk) throws Exception {
    String xml =
        envelope(
            "<GetInvoiceResponse xmlns=\""
                + NS
                + "\"><GetInvoiceResult><Status>"
                + "Success</Status><ErrorCode>SUCCESS</ErrorCode><HasExpired>false</HasExpired><Result>"
                + "<InvoiceID>1</InvoiceID><Lines><InvoiceLine><NetAmount>10.50</NetAmount></InvoiceLine>"
                + "</Lines><TypesFilter/></Result></GetInvoiceResult></GetInvoiceResponse>");
    var r = ((Record) parse(xml, ResultShape.OBJECT, chunk).get(1)).value();
    assertThat(r.path("Lines").isArray()).isTrue();
    assertThat(r.path("Lines").get(0).path("NetAmount").decimalValue())
        .isEqualByComparingTo("10.50");
    assertThat(r.path("TypesFilter").isArray()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void soapFaultsAreReported(int chunk) throws Exception {
    String xml =
        envelope(
            "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Server was "
                + "unable to read request.</faultstring></soap:Fault>");
    assertThat(parse(xml, ResultShape.LIST, chunk))
        .containsExactly(new Fault("soap:Client", "Server was unable to read request."));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void externalEntitiesAndDtdsAreRefused(int chunk) {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + envelope(
                    "<GetCustomerResponse xmlns=\""
                        + NS
                        + "\"><GetCustomerResult><Status>Success"
                        + "</Status><Result><Code>&e;</Code></Result></GetCustomerResult></GetCustomerResponse>")
                .substring("<?xml version=\"1.0\" encoding=\"utf-8\"?>".length());
    assertThatThrownBy(() -> parse(xxe, ResultShape.OBJECT, chunk))
        .isInstanceOf(XMLStreamException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void aTruncatedAnswerIsAnError(int chunk) {
    String xml =
        envelope(
            "<GetCustomerListResponse xmlns=\""
                + NS
                + "\"><GetCustomerListResult>"
                + "<Status>Success</Status><Result><Customer><Code>A</Code></Customer>");
    String cut = xml.substring(0, xml.indexOf("</soap:Body>"));
    assertThatThrownBy(() -> parse(cut, ResultShape.LIST, chunk))
        .isInstanceOf(XMLStreamException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void anEmptyLoginResponseIsAnAnswerWithoutAValue(int chunk) throws Exception {
    String xml = envelope("<LoginResponse xmlns=\"" + NS + "\"/>");
    assertThat(parse(xml, ResultShape.BARE, chunk))
        .containsExactly(new Outcome(null, null, null, false));
  }
}
