package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sandbox.accengage.AccengageSettings.LinkStyle;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pagination as documented: ?page=N from 1, 100 per page, Link first/prev/next, links body mirror.
 */
class AccengagePaginationTest extends AccengageFixture {

  @Test
  void linksAreAbsoluteKeepTheQueryAndAreMirroredInTheBody() {
    start(AccengageSettings.defaults());
    String t = http.token();
    HttpResponse<String> r = http.get(t, app(APP) + "/messages?sort=desc&page=2&tag=a%20b");
    String base = sim.baseUrl() + app(APP) + "/messages?sort=desc&page=";
    assertThat(r.headers().allValues("Link"))
        .containsExactly(
            "<"
                + base
                + "1&tag=a%20b>; rel=\"first\", <"
                + base
                + "1&tag=a%20b>; rel=\"prev\", <"
                + base
                + "3&tag=a%20b>; rel=\"next\"");
    JsonNode links = AccengageHttp.json(r).get("links");
    assertThat(links.get("first").asText()).isEqualTo(base + "1&tag=a%20b");
    assertThat(links.get("prev").asText()).isEqualTo(base + "1&tag=a%20b");
    assertThat(links.get("next").asText()).isEqualTo(base + "3&tag=a%20b");
    assertThat(Pages.rels(r))
        .isEqualTo(
            Map.of(
                "first",
                links.get("first").asText(),
                "prev",
                links.get("prev").asText(),
                "next",
                links.get("next").asText()));

    HttpResponse<String> first = http.get(t, app(APP) + "/messages?lang=fr");
    assertThat(Pages.rels(first))
        .containsOnlyKeys("first", "next")
        .containsEntry("next", sim.baseUrl() + app(APP) + "/messages?lang=fr&page=2");
    HttpResponse<String> last = http.get(t, app(APP) + "/messages?page=3");
    assertThat(Pages.rels(last)).containsOnlyKeys("first", "prev");
    assertThat(AccengageHttp.json(last).get("links").has("next")).isFalse();
  }

  @Test
  void pagesOutOfRangeAreEmptySetsAndMalformedPagesAreFormatErrors() {
    start(AccengageSettings.defaults());
    String t = http.token();
    for (String page : List.of("0", "-1", "4", "999999999999")) {
      HttpResponse<String> r = http.get(t, app(APP) + "/messages?page=" + page);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(AccengageHttp.json(r).get("messages")).as(page).isEmpty();
      assertThat(Pages.rels(r)).as(page).containsKey("first").doesNotContainKey("next");
    }
    assertThat(Pages.rels(http.get(t, app(APP) + "/messages?page=4")))
        .containsEntry("prev", sim.baseUrl() + app(APP) + "/messages?page=3");
    assertThat(Pages.rels(http.get(t, app(APP) + "/messages?page=0"))).doesNotContainKey("prev");
    for (String page : List.of("abc", "1.5", "")) {
      AccengageRoutesTest.assertFormatErrors(http.get(t, app(APP) + "/messages?page=" + page), 1);
    }
  }

  @Test
  void followingNextYieldsEveryItemOnceInEveryLinkStyle() {
    for (LinkStyle style : LinkStyle.values()) {
      if (sim != null) restart(AccengageSettings.defaults().withLinkStyle(style).withPageSize(30));
      else start(AccengageSettings.defaults().withLinkStyle(style).withPageSize(30));
      Pages.Walk walk = Pages.walk(http, http.token(), app(APP) + "/messages", 50);
      assertThat(walk.pages()).as(style.name()).hasSize(9); // 250 / 30
      List<JsonNode> items = Pages.items(walk, "messages");
      assertThat(items).hasSize((int) MESSAGES);
      assertThat(items.stream().map(m -> m.get("id").asLong()).distinct().count())
          .isEqualTo(MESSAGES);
    }
  }

  @Test
  void variedLinkHeadersDifferInOrderQuotingAndParametersButMeanTheSame() {
    start(AccengageSettings.defaults().withLinkStyle(LinkStyle.VARIED));
    String t = http.token();
    Set<String> shapes = new HashSet<>();
    Set<String> orders = new HashSet<>();
    for (int page = 2; page <= 9; page++) {
      HttpResponse<String> r = http.get(t, app(APP) + "/devices?page=" + page);
      List<String> fields = r.headers().allValues("Link");
      assertThat(fields).hasSize(1);
      String f = fields.get(0);
      if (f.contains("rel=next") || f.contains("rel=prev") || f.contains("rel=first"))
        shapes.add("bare rel");
      if (f.contains("title=\"")) shapes.add("title");
      if (f.contains(", 100 items; keep going")) shapes.add("comma and semicolon in quotes");
      if (f.contains("\\\"")) shapes.add("escaped quote");
      if (f.contains("type=\"text/csv\"")) shapes.add("type");
      orders.add(String.join(",", LinkParser.rels(fields).keySet()));
      assertThat(LinkParser.rels(fields))
          .containsOnlyKeys("first", "prev", "next")
          .containsEntry("next", sim.baseUrl() + app(APP) + "/devices?page=" + (page + 1))
          .containsEntry("prev", sim.baseUrl() + app(APP) + "/devices?page=" + (page - 1));
    }
    assertThat(shapes).hasSize(5);
    assertThat(orders).hasSizeGreaterThan(2);
    assertThat(http.get(t, app(APP) + "/devices?page=2").headers().allValues("Link"))
        .as("deterministic")
        .isEqualTo(http.get(t, app(APP) + "/devices?page=2").headers().allValues("Link"));

    restart(AccengageSettings.defaults().withLinkStyle(LinkStyle.SPLIT));
    HttpResponse<String> split = http.get(http.token(), app(APP) + "/devices?page=5");
    assertThat(split.headers().allValues("Link")).hasSize(3);
    assertThat(Pages.rels(split)).containsOnlyKeys("first", "prev", "next");
  }

  @Test
  void deviceExportIsSemicolonCsvPagedByLinkWithALastOpenFilter() {
    start(AccengageSettings.defaults());
    String t = http.token();
    HttpResponse<String> page1 = http.get(t, app(APP) + "/devices");
    assertThat(page1.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    assertThat(page1.body().split("\n")).hasSize(101);
    assertThat(page1.body().split("\n")[1])
        .matches("[0-9a-f-]{36};\\d{4}-\\d{2}-\\d{2};(ios|android);[0-9.]+;[01];[A-Z]{2}");
    List<String> all = Pages.rows(Pages.walk(http, t, app(APP) + "/devices", 20));
    assertThat(all).hasSize((int) DEVICES).doesNotHaveDuplicates();

    String since = all.get(400).split(";")[1];
    Pages.Walk filtered = Pages.walk(http, t, app(APP) + "/devices?lastOpen=" + since, 20);
    List<String> recent = Pages.rows(filtered);
    assertThat(recent).hasSizeBetween(401, (int) DEVICES - 1);
    assertThat(recent)
        .allSatisfy(row -> assertThat(row.split(";")[1].compareTo(since)).isNotNegative());
    long expected = all.stream().filter(row -> row.split(";")[1].compareTo(since) >= 0).count();
    assertThat(recent).hasSize((int) expected).isEqualTo(all.subList(0, (int) expected));
    assertThat(Pages.rels(filtered.pages().get(0)).get("next"))
        .endsWith("/devices?lastOpen=" + since + "&page=2");
    assertThat(Pages.rows(Pages.walk(http, t, app(APP) + "/devices?lastOpen=2030-01-01", 5)))
        .isEmpty();
    AccengageRoutesTest.assertFormatErrors(
        http.get(t, app(APP) + "/devices?lastOpen=01/02/2024"), 1);
    AccengageRoutesTest.assertFormatErrors(
        http.get(t, app(APP) + "/devices?lastOpen=2024-02-30"), 1);
    assertThat(AccengageHttp.json(http.get(t, app(APP) + "/messages")).has("links")).isTrue();
  }

  @Test
  void exportSettingsNextOnlyLinksEmptyBodiesAndTrailingEmptyPage() {
    start(
        AccengageSettings.defaults()
            .withExportLinkNextOnly(true)
            .withCsvHeaderOnEmptyPage(false)
            .withNextOnFullLastPage(true));
    String t = http.token();
    HttpResponse<String> p2 = http.get(t, app(APP) + "/devices?page=2");
    assertThat(p2.headers().allValues("Link"))
        .containsExactly("<" + sim.baseUrl() + app(APP) + "/devices?page=3>; rel=\"next\"");
    HttpResponse<String> p10 = http.get(t, app(APP) + "/devices?page=10");
    assertThat(Pages.rels(p10)).as("full last page may still link next").containsOnlyKeys("next");
    HttpResponse<String> p11 = http.get(t, app(APP) + "/devices?page=11");
    assertThat(p11.body()).isEmpty();
    assertThat(p11.headers().allValues("Link")).isEmpty();
    assertThat(Pages.rows(Pages.walk(http, t, app(APP) + "/devices", 20))).hasSize((int) DEVICES);
  }
}
