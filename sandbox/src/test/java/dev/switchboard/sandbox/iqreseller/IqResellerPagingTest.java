package dev.switchboard.sandbox.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sandbox.iqreseller.IqResellerSettings.PageBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paging ASSUMPTIONs of provider-apis.md §2.5, each under its setting. Tenant "tiny" has 250 SOs.
 */
class IqResellerPagingTest extends SimulatorFixture {

  private JsonNode sos(String token, String query) {
    HttpResponse<String> r = http.get(token, "SO/JSON/GetSOs?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = IqResellerHttp.json(r);
    assertThat(body.isArray()).as("bare array, no envelope").isTrue();
    return body;
  }

  private static List<Long> soNumbers(JsonNode page) {
    List<Long> out = new ArrayList<>();
    page.forEach(n -> out.add(n.get("so").asLong()));
    return out;
  }

  @Test
  void pagesHaveTheRequestedSizeAndTheLastOneIsShort() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    assertThat(sos(t, "Page=1&PageSize=100&SortBy=0")).hasSize(100);
    assertThat(sos(t, "Page=2&PageSize=100&SortBy=0")).hasSize(100);
    JsonNode last = sos(t, "Page=3&PageSize=100&SortBy=0");
    assertThat(last).hasSize(50);
    assertThat(soNumbers(last).get(49)).isEqualTo(SalesOrders.FIRST_SO + 249);
    assertThat(sos(t, "Page=4&PageSize=100&SortBy=0")).isEmpty();
  }

  @Test
  void aClientLoopingUntilAShortPageSeesEveryOrderOnce() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    List<Long> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode p = sos(t, "Page=" + page + "&PageSize=40&SortBy=0");
      all.addAll(soNumbers(p));
      if (p.size() < 40) break;
    }
    assertThat(all).hasSize(250).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void pageSizeIsSilentlyCapped() {
    start(IqResellerSettings.defaults().withPageSizeCap(60));
    String t = http.token(KEY);
    assertThat(sos(t, "Page=1&PageSize=100")).hasSize(60);
    assertThat(soNumbers(sos(t, "Page=2&PageSize=100")).get(0))
        .isEqualTo(SalesOrders.FIRST_SO + 60);
  }

  @Test
  void defaultCapIs2000() {
    start(
        twoTenants(IqResellerSettings.defaults())
            .withTenant("big", IqResellerTenant.of("big", 1).withSalesOrders(2_500)));
    assertThat(sos(http.token("big"), "Page=1&PageSize=5000")).hasSize(2000);
  }

  @Test
  void pageZeroIsPageOneByDefault() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    assertThat(sos(t, "Page=0&PageSize=10")).isEqualTo(sos(t, "Page=1&PageSize=10"));
  }

  @Test
  void zeroBasedPagingIsASetting() {
    start(IqResellerSettings.defaults().withPageBase(PageBase.ZERO));
    String t = http.token(KEY);
    assertThat(soNumbers(sos(t, "Page=0&PageSize=10")).get(0)).isEqualTo(SalesOrders.FIRST_SO);
    assertThat(soNumbers(sos(t, "Page=1&PageSize=10")).get(0)).isEqualTo(SalesOrders.FIRST_SO + 10);
  }

  @Test
  void pageSizeZeroMeansAllOrNothingBySetting() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    assertThat(sos(t, "Page=0&PageSize=0")).hasSize(250);
    assertThat(sos(t, "Page=2&PageSize=0")).isEmpty();
    assertThat(sos(t, "")).as("missing params bind to 0 like a WCF int").hasSize(250);
    restart(IqResellerSettings.defaults().withPageSizeZeroMeansAll(false));
    assertThat(sos(http.token(KEY), "Page=1&PageSize=0")).isEmpty();
  }

  @Test
  void queryNamesAreCaseInsensitive() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    assertThat(sos(t, "page=2&pagesize=7&sortby=0"))
        .isEqualTo(sos(t, "Page=2&PageSize=7&SortBy=0"));
  }

  @Test
  void nonNumericOrNegativeParamsAre400() {
    start(IqResellerSettings.defaults());
    String t = http.token(KEY);
    for (String q :
        List.of(
            "Page=abc&PageSize=10",
            "Page=1&PageSize=ten",
            "Page=-1&PageSize=5",
            "Page=1&SortBy=x")) {
      HttpResponse<String> r = http.get(t, "SO/JSON/GetSOs?" + q);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(IqResellerHttp.json(r).get("Message").asText()).as(q).isNotBlank();
    }
  }

  @Test
  void sameSeedGivesIdenticalBytesAcrossRunsAndOtherSeedsDiffer() {
    IqResellerConfig config = twoTenants(IqResellerSettings.defaults());
    start(config);
    String first = http.get(http.token(KEY), "SO/JSON/GetSOs?Page=3&PageSize=50").body();
    restart(config);
    String second = http.get(http.token(KEY), "SO/JSON/GetSOs?Page=3&PageSize=50").body();
    assertThat(second).isEqualTo(first);
    restart(config.withTenant(KEY, IqResellerTenant.of("tiny", 99)));
    assertThat(http.get(http.token(KEY), "SO/JSON/GetSOs?Page=3&PageSize=50").body())
        .isNotEqualTo(first);
  }

  @Test
  void aMillionOrdersArePagedWithoutMaterialisingThem() {
    start(
        new IqResellerConfig(IqResellerSettings.defaults(), Map.of())
            .withTenant("huge", IqResellerTenant.of("huge", 5).withSalesOrders(1_000_000)));
    String t = http.token("huge");
    long started = System.nanoTime();
    JsonNode deep = sos(t, "Page=500&PageSize=2000");
    JsonNode last = sos(t, "Page=501&PageSize=2000");
    assertThat(deep).hasSize(2000);
    assertThat(last).isEmpty();
    assertThat(soNumbers(deep).get(1999)).isEqualTo(SalesOrders.FIRST_SO + 999_999);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void otherListsArePagedTheSameWay() {
    start(IqResellerSettings.defaults());
    String t = http.token(OTHER_KEY); // 20 inventories, 10 items, 10 CVs
    assertThat(IqResellerHttp.json(http.get(t, "Inventory/JSON/GetInventories?Page=2&PageSize=15")))
        .hasSize(5);
    assertThat(IqResellerHttp.json(http.get(t, "MI/JSON/GetItems?page=1&pagesize=4"))).hasSize(4);
    assertThat(IqResellerHttp.json(http.get(t, "CV/json/GetCVs?Page=3&PageSize=4"))).hasSize(2);
    assertThat(IqResellerHttp.json(http.post(t, "CV/json/GetCVs?Page=1&PageSize=4", "{}")))
        .hasSize(4);
  }
}
