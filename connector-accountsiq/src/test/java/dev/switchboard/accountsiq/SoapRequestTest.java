package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.spi.Invocation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoapRequestTest {
  @Test
  void aVersion11CallCarriesTheTokenFirstInTheBody() {
    String xml =
        new String(
            SoapRequest.envelope(
                "GetCustomer",
                new SoapRequest.Credentials("tok<&>", null, null),
                Json.object().put("customerCode", "CUST001"),
                Map.of()),
            StandardCharsets.UTF_8);
    assertThat(xml)
        .contains(
            "<GetCustomer xmlns=\""
                + SoapRequest.NS
                + "\"><token>tok&lt;&amp;>"
                + "</token><customerCode>CUST001</customerCode></GetCustomer>");
    assertThat(xml).doesNotContain("Header");
  }

  @Test
  void aVersion20CallCarriesTheAiqSoapHeader() {
    String xml =
        new String(
            SoapRequest.envelope(
                "GetCustomerList",
                new SoapRequest.Credentials(null, "ACME01", "eyJ"),
                Json.object(),
                Map.of()),
            StandardCharsets.UTF_8);
    assertThat(xml)
        .contains(
            "<soap:Header><AiqSoapHeader xmlns=\""
                + SoapRequest.NS
                + "\"><Entity>ACME01</Entity><AccessToken>eyJ</AccessToken></AiqSoapHeader></soap:Header>");
    assertThat(xml).doesNotContain("<token>");
  }

  @Test
  void nestedObjectsArraysNullsAndExactDecimals() {
    ObjectNode invoice = Json.object().put("ExternalReference", "r1").putNull("OrderID");
    invoice.putArray("Lines").addObject().put("NetAmount", new BigDecimal("10.50"));
    ObjectNode query = Json.object();
    query.putArray("TypesFilter").add("SI").add("SN");
    query.putArray("AccountIDsFilter").add(42);
    ObjectNode fields = Json.object();
    fields.set("invoice", invoice);
    fields.set("query", query);
    String xml =
        new String(
            SoapRequest.envelope("X", SoapRequest.Credentials.none(), fields, Map.of()),
            StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("<OrderID xsi:nil=\"true\"")
        .contains("<Lines><InvoiceLine><NetAmount>10.50</NetAmount></InvoiceLine></Lines>")
        .contains("<TypesFilter><string>SI</string><string>SN</string></TypesFilter>")
        .contains("<AccountIDsFilter><int>42</int></AccountIDsFilter>");
  }

  @Test
  void theSoapActionIsQuoted() {
    assertThat(SoapRequest.action("Login")).isEqualTo("\"" + SoapRequest.NS + "Login\"");
  }

  private static String envelope(ObjectNode fields) {
    return new String(
        SoapRequest.envelope("X", SoapRequest.Credentials.none(), fields, Map.of()),
        StandardCharsets.UTF_8);
  }

  /** Refused as INVALID_PARAMS of category INVALID_COMMAND (never INTERNAL), quickly. */
  private static String refused(ThrowingCallable call) {
    String[] message = new String[1];
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                    SwitchboardException.class,
                    e -> {
                      assertThat(e.code()).isEqualTo("INVALID_PARAMS");
                      assertThat(e.category()).isEqualTo(Category.INVALID_COMMAND);
                      assertThat(e.retryable()).isFalse();
                      message[0] = e.getMessage();
                    }));
    assertThat(message[0].length()).as(message[0]).isLessThan(400);
    return message[0];
  }

  /** The issue: {@code toPlainString()} of 1e999999999 took 13 s and 6 GB; 1e100000000 100 MB. */
  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "1e100000000", "-1e-999999999", "1e100"})
  void aDecimalWhosePlainNotationIsOverTheBoundIsRefusedNotRendered(String number) {
    ObjectNode fields = Json.object();
    fields
        .putObject("query")
        .set("Foo", JsonNodeFactory.withExactBigDecimals(true).numberNode(new BigDecimal(number)));
    assertThat(refused(() -> envelope(fields)))
        .startsWith("AccountsIQ X cannot send /query/Foo: " + "number of ")
        .endsWith(" characters in plain notation; the limit is 100");
  }

  @Test
  void decimalsWithinTheBoundAreWrittenExactlyInPlainNotation() {
    ObjectNode fields = Json.object();
    fields
        .putObject("query")
        .put("A", new BigDecimal("1E+99"))
        .put("B", new BigDecimal("1.5E+3"))
        .put("C", new BigDecimal("-0.000100"));
    assertThat(envelope(fields))
        .contains("<A>1" + "0".repeat(99) + "</A>", "<B>1500</B>", "<C>-0.000100</C>");
  }

  @Test
  void aNulCharacterInAParamIsRefusedNamingTheParamAndTheCodePoint() {
    assertThat(refused(() -> envelope(Json.object().put("customerCode", "C0\u00001"))))
        .isEqualTo(
            "AccountsIQ X cannot send /customerCode: U+0000 at character 2 cannot be "
                + "carried in XML 1.0");
    ObjectNode nested = Json.object();
    nested.putObject("invoice").putArray("Lines").addObject().put("Description", "a\u0000");
    assertThat(refused(() -> envelope(nested))).contains("/invoice/Lines/0/Description: U+0000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00",
        "x\uD83D"
      })
  void everyCharacterXmlCannotCarryIsRefused(String bad) {
    String expected = String.format("U+%04X", (int) bad.charAt(bad.length() - 1));
    assertThat(refused(() -> envelope(Json.object().put("note", "ok " + bad + " ok"))))
        .contains("/note: " + expected + " at character ");
  }

  @Test
  void charactersXmlCarriesAreWritten() {
    String text = "tab\t lf\n cr\r del\u007f nel\u0085 emoji\uD83D\uDE00 bmp\uFFFD";
    String xml = envelope(Json.object().put("note", text));
    assertThat(xml).contains("emoji\uD83D\uDE00", "bmp\uFFFD", "del\u007f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "1x", "", "x:y", "-a", ".a", "caf\u00e9", "a/b", "a\u0000"})
  void aMemberNameThatIsNotAnXmlElementNameIsRefused(String name) {
    ObjectNode fields = Json.object();
    fields.putObject("query").put(name, 1);
    assertThat(refused(() -> envelope(fields)))
        .startsWith("AccountsIQ X cannot send /query/")
        .contains("the member name is not an XML element name");
  }

  @Test
  void elementNamesAccountsIqUsesAreAccepted() {
    ObjectNode fields = Json.object();
    fields
        .putObject("query")
        .put("FromLastModifiedDateInUTC", "2026-01-01T00:00:00")
        .put("_x", 1)
        .put("a-b.c9", 2);
    assertThat(envelope(fields))
        .contains("<FromLastModifiedDateInUTC>", "<_x>1</_x>", "<a-b.c9>2</a-b.c9>");
  }

  @Test
  void credentialsThatXmlCannotCarryAreRefusedToo() {
    assertThat(
            refused(
                () ->
                    SoapRequest.envelope(
                        "X",
                        new SoapRequest.Credentials(null, "ACME\u0000", "tok"),
                        Json.object(),
                        Map.of())))
        .contains("/Entity: U+0000");
  }

  /**
   * The operations check their params before any call (login and lookups included): with no client
   * at all, the stream fails with INVALID_PARAMS instead of touching it.
   */
  @Test
  void operationsRefuseUnwritableParamsBeforeAnyCall() {
    var ops = new AccountsIqConnector().operations();
    ObjectNode query = Json.object();
    query
        .putObject("query")
        .set(
            "Foo",
            JsonNodeFactory.withExactBigDecimals(true).numberNode(new BigDecimal("1e999999999")));
    ObjectNode nul = Json.object().put("customerCode", "C\u0000");
    ObjectNode invoice = Json.object().put("customerCode", "C1");
    invoice.putObject("invoice").put("Notes", "\u0000");
    for (var c :
        new Object[][] {
          {"invoices.query", query},
          {"transactions.query", query},
          {"customers.get", nul},
          {"invoices.create", invoice}
        }) {
      ObjectNode params = (ObjectNode) c[1];
      Invocation inv =
          new Invocation(new Command("cmd-1", (String) c[0], "acme", params, null, null), params);
      Throwable[] failed = new Throwable[1];
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () ->
              ops.get((String) c[0])
                  .execute(inv, null)
                  .blockingSubscribe(x -> {}, e -> failed[0] = e));
      Throwable error = failed[0];
      assertThat(error)
          .as((String) c[0])
          .isInstanceOfSatisfying(
              SwitchboardException.class,
              e -> {
                assertThat(e.code()).isEqualTo("INVALID_PARAMS");
                assertThat(e.category()).isEqualTo(Category.INVALID_COMMAND);
                assertThat(e.getMessage()).startsWith("accountsiq " + c[0] + " cannot send /");
              });
    }
  }
}
