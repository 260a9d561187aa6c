package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoapRequestTest {
  @Test
  void aVersion11CallCarriesTheTokenFirstInTheBody() {
    String xml = new String(SoapRequest.envelope("GetCustomer",
        new SoapRequest.Credentials("tok<&>", null, null),
        Json.object().put("customerCode", "CUST001"), Map.of()), StandardCharsets.UTF_8);
    assertThat(xml).contains("<GetCustomer xmlns=\"" + SoapRequest.NS + "\"><token>tok&lt;&amp;>"
        + "</token><customerCode>CUST001</customerCode></GetCustomer>");
    assertThat(xml).doesNotContain("Header");
  }

  @Test
  void aVersion20CallCarriesTheAiqSoapHeader() {
    String xml = new String(SoapRequest.envelope("GetCustomerList",
        new SoapRequest.Credentials(null, "ACME01", "eyJ"), Json.object(), Map.of()),
        StandardCharsets.UTF_8);
    assertThat(xml).contains("<soap:Header><AiqSoapHeader xmlns=\"" + SoapRequest.NS
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
    String xml = new String(SoapRequest.envelope("X", SoapRequest.Credentials.none(), fields,
        Map.of()), StandardCharsets.UTF_8);
    assertThat(xml).contains("<OrderID xsi:nil=\"true\"")
        .contains("<Lines><InvoiceLine><NetAmount>10.50</NetAmount></InvoiceLine></Lines>")
        .contains("<TypesFilter><string>SI</string><string>SN</string></TypesFilter>")
        .contains("<AccountIDsFilter><int>42</int></AccountIDsFilter>");
  }

  @Test
  void theSoapActionIsQuoted() {
    assertThat(SoapRequest.action("Login")).isEqualTo("\"" + SoapRequest.NS + "Login\"");
  }
}
