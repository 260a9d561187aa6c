package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a paginated route the way a connector must: follow {@code rel="next"} until there is none.
 */
final class Pages {
  record Walk(List<HttpResponse<String>> pages, List<String> linkFields) {}

  private Pages() {}

  static Map<String, String> rels(HttpResponse<String> r) {
    return LinkParser.rels(r.headers().allValues("Link"));
  }

  /** Follows next links from {@code firstPath}, at most {@code cap} pages. */
  static Walk walk(AccengageHttp http, String token, String firstPath, int cap) {
    List<HttpResponse<String>> pages = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    String next = firstPath;
    while (next != null) {
      if (pages.size() >= cap) throw new AssertionError("more than " + cap + " pages");
      HttpResponse<String> r = http.get(token, next);
      if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + r.body());
      pages.add(r);
      fields.addAll(r.headers().allValues("Link"));
      next = rels(r).get("next");
    }
    return new Walk(pages, fields);
  }

  /** Every item of a JSON walk's pages, in order. */
  static List<JsonNode> items(Walk w, String field) {
    List<JsonNode> out = new ArrayList<>();
    for (HttpResponse<String> r : w.pages()) AccengageHttp.json(r).get(field).forEach(out::add);
    return out;
  }

  /** Every CSV data row of a walk's pages (header rows dropped, checked). */
  static List<String> rows(Walk w) {
    List<String> out = new ArrayList<>();
    for (HttpResponse<String> r : w.pages()) {
      if (r.body().isEmpty()) continue;
      String[] lines = r.body().split("\n");
      if (!lines[0].equals("deviceId;lastOpen;platform;appVersion;optin;country"))
        throw new AssertionError(lines[0]);
      for (int i = 1; i < lines.length; i++) out.add(lines[i]);
    }
    return out;
  }
}
