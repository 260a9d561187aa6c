package dev.switchboard.sandbox.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Wire-level data quirks (CERTAIN from the captured GetSOs response) and route shapes. */
class IqResellerDataShapeTest extends SimulatorFixture {
  private static final Pattern US_DATE =
      Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} (AM|PM)");
  private static final String NULL_DATE = "1/1/1900 12:00:00 AM";

  @Test
  void salesOrdersCarryPaddedColumnsUsDatesAndFourDecimalMoney() {
    start(IqResellerSettings.defaults());
    HttpResponse<String> r =
        http.get(http.token(KEY), "SO/JSON/GetSOs?Page=1&PageSize=100&SortBy=0");
    JsonNode sos = IqResellerHttp.json(r);
    boolean sawNullDate = false;
    boolean sawPaddedStatus = false;
    for (JsonNode so : sos) {
      assertThat(so.get("status").asText()).hasSize(10);
      assertThat(so.get("clientid").asText()).hasSize(10);
      assertThat(so.get("rep").asText()).hasSize(3);
      assertThat(so.get("lastupdatedby").asText()).hasSize(3);
      sawPaddedStatus |= so.get("status").asText().endsWith(" ");
      for (String d : new String[] {"saledate", "invoiceddate", "lastupdated"}) {
        assertThat(so.get(d).asText()).matches(US_DATE);
      }
      sawNullDate |= so.get("invoiceddate").asText().equals(NULL_DATE);
      assertThat(so.get("statetaxpct").isTextual()).isTrue();
      assertThat(so.get("total").isNumber()).isTrue();
      assertThat(so.get("SODetails").isArray()).isTrue();
      assertThat(so.get("SODetails")).hasSize(so.get("totallines").asInt());
      for (JsonNode line : so.get("SODetails")) {
        assertThat(line.get("so").asLong()).isEqualTo(so.get("so").asLong());
        assertThat(line.get("shipdate").asText()).matches(US_DATE);
      }
      so.fieldNames()
          .forEachRemaining(
              f -> assertThat(f.equals("SODetails") || f.equals(f.toLowerCase())).as(f).isTrue());
    }
    assertThat(sawNullDate).as("some order not yet invoiced").isTrue();
    assertThat(sawPaddedStatus).isTrue();
    assertThat(r.body())
        .contains("\"status\":\"Open      \"")
        .containsPattern("\"total\":\\d+\\.\\d{4}[,}]")
        .containsPattern("\"unitprice\":\\d+\\.\\d{4}[,}]");
  }

  @Test
  void xmlGetSosHasArrayOfSoRootAndLowercaseMembers() {
    start(IqResellerSettings.defaults());
    HttpResponse<String> r = http.get(http.token(KEY), "SO/XML/GetSOs?Page=1&PageSize=2");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    assertThat(r.body())
        .startsWith("<ArrayOfSO><SO><so>3000</so><status>")
        .endsWith("</SO></ArrayOfSO>")
        .contains("<SODetails><SODetail>");
  }

  @Test
  void inventoryRoutes() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY); // 500 units
    HttpResponse<String> count = http.get(t, "Inventory/GetInventoriesCount");
    assertThat(count.body())
        .isEqualTo("<int xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">500</int>");
    JsonNode byPo =
        IqResellerHttp.json(http.get(t, "Inventory/JSON/GetInventoriesByPOId?poid=5003"));
    assertThat(byPo).hasSize(Inventories.UNITS_PER_PO);
    byPo.forEach(u -> assertThat(u.get("po").asLong()).isEqualTo(5003));
    assertThat(IqResellerHttp.json(http.get(t, "Inventory/JSON/GetInventoriesByPOId?poid=1")))
        .isEmpty();
    JsonNode unit =
        IqResellerHttp.json(http.get(t, "Inventory/JSON/GetInventories?Page=1&PageSize=1")).get(0);
    for (String f :
        new String[] {
          "inventoryid",
          "itemid",
          "item",
          "itemdesc",
          "mfgr",
          "condition",
          "warehouse",
          "location",
          "status",
          "receivestatus",
          "quantity",
          "unitcost",
          "serialnumber",
          "po",
          "added"
        }) {
      assertThat(unit.has(f)).as(f).isTrue();
    }
    assertThat(unit.get("added").asText()).matches(US_DATE);
  }

  @Test
  void itemByIdIsABareObjectAndUnknownIdIs404OrNullBySetting() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    JsonNode item =
        IqResellerHttp.json(
            http.get(t, "MI/JSON/GetItemByItemId?ItemID=" + (MasterItems.FIRST_ID + 3)));
    assertThat(item.isObject()).isTrue();
    assertThat(item.get("itemid").asLong()).isEqualTo(MasterItems.FIRST_ID + 3);
    assertThat(item.has("itemnumber")).isTrue();
    HttpResponse<String> missing = http.get(t, "MI/JSON/GetItemByItemId?ItemID=1");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(IqResellerHttp.json(missing).get("Message").asText()).isNotBlank();
    restart(IqResellerSettings.defaults().withUnknownItem404(false));
    HttpResponse<String> nul = http.get(http.token(KEY), "MI/JSON/GetItemByItemId?itemid=1");
    assertThat(nul.statusCode()).isEqualTo(200);
    assertThat(nul.body()).isEqualTo("null");
  }

  @Test
  void customersVendorsAndConditions() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    JsonNode cvs = IqResellerHttp.json(http.get(t, "CV/json/GetCVs?Page=1&PageSize=8"));
    assertThat(cvs.get(0).get("type").asText()).isEqualTo("Customer  ");
    assertThat(cvs.get(3).get("type").asText()).isEqualTo("Vendor    ");
    assertThat(cvs.get(0).get("added").asText()).matches(US_DATE);
    JsonNode conditions = IqResellerHttp.json(http.get(t, "Condition/JSON/GetConditions"));
    assertThat(conditions).hasSize(6);
    assertThat(conditions.get(3).get("condition").asText()).isEqualTo("USED");
  }

  @Test
  void soClientIdsAreCustomersInCv() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    JsonNode cvs = IqResellerHttp.json(http.get(t, "CV/json/GetCVs?Page=1&PageSize=0"));
    java.util.Set<String> customers = new java.util.HashSet<>();
    cvs.forEach(
        c -> {
          if (c.get("type").asText().trim().equals("Customer"))
            customers.add(c.get("clientid").asText());
        });
    IqResellerHttp.json(http.get(t, "SO/JSON/GetSOs?Page=1&PageSize=50"))
        .forEach(so -> assertThat(customers).contains(so.get("clientid").asText()));
  }

  @Test
  void pathLiteralsAreCaseInsensitiveUnlessStrict() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    assertThat(http.get(t, "so/json/getsos?Page=1&PageSize=1").statusCode()).isEqualTo(200);
    assertThat(http.get(t, "SO/Json/GetSOs?Page=1&PageSize=1").statusCode()).isEqualTo(200);
    restart(IqResellerSettings.defaults().withCaseInsensitivePaths(false));
    t = http.token(KEY);
    assertThat(http.get(t, "so/json/getsos?Page=1&PageSize=1").statusCode()).isEqualTo(404);
    assertThat(http.get(t, "SO/json/GetSOs?Page=1&PageSize=1").statusCode())
        .as("format segment")
        .isEqualTo(200);
  }

  @Test
  void unknownTemplatesAre404AndWrongVerbs405() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    for (String guessed :
        new String[] {
          "SO/JSON/GetSO/1", "SO/JSON/GetOpenSOs", "Order/json/GetOrders", "SO/CSV/GetSOs"
        }) {
      HttpResponse<String> r = http.get(t, guessed);
      assertThat(r.statusCode()).as(guessed).isEqualTo(404);
    }
    assertThat(http.get(null, "Nope/JSON/Nothing").statusCode())
        .as("404 before auth")
        .isEqualTo(404);
    assertThat(http.post(t, "SO/JSON/GetSOs", "{}").statusCode()).isEqualTo(405);
  }
}
