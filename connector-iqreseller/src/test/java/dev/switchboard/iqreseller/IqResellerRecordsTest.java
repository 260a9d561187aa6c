package dev.switchboard.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Normalisation of provider records: trimmed CHAR columns, ISO dates, the 1900 sentinel. */
class IqResellerRecordsTest {

  private static JsonNode parse(String json) throws Exception {
    return Json.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode normalizeText(String value) {
    return IqResellerRecords.normalize(Json.object().put("v", value)).get("v");
  }

  @Test
  void trimsPaddedStringsAtEveryDepth() throws Exception {
    JsonNode in =
        parse(
            "{'status':'Open      ','lines':[{'condition':'USED  ','tags':["
                + "' a ','b   ']}],'nested':{'deeper':{'name':'  Acme Ltd  '}}}");
    JsonNode out = IqResellerRecords.normalize(in);
    assertThat(out.path("status").asText()).isEqualTo("Open");
    assertThat(out.path("lines").get(0).path("condition").asText()).isEqualTo("USED");
    assertThat(out.path("lines").get(0).path("tags").get(0).asText()).isEqualTo("a");
    assertThat(out.path("lines").get(0).path("tags").get(1).asText()).isEqualTo("b");
    assertThat(out.path("nested").path("deeper").path("name").asText()).isEqualTo("Acme Ltd");
    // In place: the tree is the caller's, freshly parsed; copying it cost a fifth of W2.
    assertThat(out).isSameAs(in);
  }

  @Test
  void convertsUsDatesToIsoLocalDateTimes() {
    assertThat(normalizeText("3/18/2020 3:52:42 PM").asText()).isEqualTo("2020-03-18T15:52:42");
    assertThat(normalizeText("3/6/2020 12:00:00 AM").asText()).isEqualTo("2020-03-06T00:00:00");
    assertThat(normalizeText("12/31/2021 12:30:05 PM").asText()).isEqualTo("2021-12-31T12:30:05");
    assertThat(normalizeText("  3/18/2020 3:52:42 PM   ").asText())
        .as("padded date")
        .isEqualTo("2020-03-18T15:52:42");
  }

  @Test
  void theNineteenHundredSentinelBecomesNull() {
    JsonNode out = normalizeText("1/1/1900 12:00:00 AM");
    assertThat(out).isNotNull();
    assertThat(out.isNull()).isTrue();
    assertThat(normalizeText("1/1/1900 12:00:01 AM").asText())
        .as("only the exact sentinel means no date")
        .isEqualTo("1900-01-01T00:00:01");
  }

  @Test
  void keepsNumbersBooleansAndNulls() throws Exception {
    JsonNode out =
        IqResellerRecords.normalize(
            parse(
                "{'so':1234,'total':19.95,'paid':true,'void':false,'shipdate':null,"
                    + "'big':12345678901234,'list':[1,null,false]}"));
    assertThat(out.path("so").isIntegralNumber()).isTrue();
    assertThat(out.path("so").asLong()).isEqualTo(1234);
    assertThat(out.path("total").isNumber()).isTrue();
    assertThat(out.path("total").asDouble()).isEqualTo(19.95);
    assertThat(out.path("paid").isBoolean()).isTrue();
    assertThat(out.path("paid").asBoolean()).isTrue();
    assertThat(out.path("void").asBoolean()).isFalse();
    assertThat(out.has("shipdate")).isTrue();
    assertThat(out.get("shipdate").isNull()).isTrue();
    assertThat(out.path("big").asLong()).isEqualTo(12345678901234L);
    assertThat(out.path("list").toString()).isEqualTo("[1,null,false]");
  }

  @Test
  void keepsAnImpossibleDateAsTheTrimmedString() {
    JsonNode out = normalizeText(" 13/45/2020 1:00:00 PM ");
    assertThat(out.isTextual()).isTrue();
    assertThat(out.asText()).isEqualTo("13/45/2020 1:00:00 PM");
    assertThat(normalizeText("1/1/2020 13:00:00 PM").asText()).isEqualTo("1/1/2020 13:00:00 PM");
  }

  @Test
  void leavesStringsThatAreNotUsDatesAlone() {
    assertThat(normalizeText("2020-03-18T15:52:42").asText()).isEqualTo("2020-03-18T15:52:42");
    assertThat(normalizeText("3/18/2020").asText()).isEqualTo("3/18/2020");
    assertThat(normalizeText("3/18/2020 3:52 PM").asText()).isEqualTo("3/18/2020 3:52 PM");
    assertThat(normalizeText("").asText()).isEmpty();
    assertThat(normalizeText("   ").asText()).isEmpty();
  }

  @Test
  void impossibleCalendarDatesAreKeptNotMovedToANearbyDay() {
    assertThat(normalizeText("2/30/2020 1:00:00 PM").asText()).isEqualTo("2/30/2020 1:00:00 PM");
    assertThat(normalizeText("4/31/2020 1:00:00 PM").asText()).isEqualTo("4/31/2020 1:00:00 PM");
    assertThat(normalizeText("2/29/2020 1:00:00 PM").asText()).isEqualTo("2020-02-29T13:00:00");
  }

  /** The reading by hand agrees with the strict formatter it replaced, on every kind of input. */
  @Test
  void theHandReadingAgreesWithTheStrictFormatterOnEveryKindOfInput() {
    java.util.Random random = new java.util.Random(42);
    String[] parts = {"0", "1", "01", "9", "12", "13", "29", "30", "31", "00", "59", "60", "123"};
    String[] years = {"1900", "2020", "2021", "0000", "9999", "202", "20201"};
    String[] halves = {"AM", "PM", "am", "XM", "A", "PMX"};
    int checked = 0;
    for (int i = 0; i < 200_000; i++) {
      String s =
          parts[random.nextInt(parts.length)]
              + (random.nextInt(20) == 0 ? "-" : "/")
              + parts[random.nextInt(parts.length)]
              + "/"
              + years[random.nextInt(years.length)]
              + (random.nextInt(20) == 0 ? "  " : " ")
              + parts[random.nextInt(parts.length)]
              + ":"
              + parts[random.nextInt(parts.length)]
              + ":"
              + parts[random.nextInt(parts.length)]
              + " "
              + halves[random.nextInt(halves.length)];
      assertThat(normalizeText(s)).as(s).isEqualTo(formatterReading(s));
      checked++;
    }
    assertThat(checked).isEqualTo(200_000);
  }

  /** What the connector did before: a regex, then a strict DateTimeFormatter. */
  private static JsonNode formatterReading(String s) {
    var factory = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    if (!s.matches("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M")) {
      return factory.textNode(s);
    }
    try {
      var t =
          java.time.LocalDateTime.parse(
              s,
              java.time.format.DateTimeFormatter.ofPattern(
                      "M/d/uuuu h:mm:ss a", java.util.Locale.US)
                  .withResolverStyle(java.time.format.ResolverStyle.STRICT));
      return t.equals(java.time.LocalDateTime.of(1900, 1, 1, 0, 0))
          ? factory.nullNode()
          : factory.textNode(t.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    } catch (java.time.format.DateTimeParseException e) {
      return factory.textNode(s);
    }
  }
}
