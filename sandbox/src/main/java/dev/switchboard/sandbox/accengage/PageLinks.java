package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The first/prev/next URLs of a page: absolute, on the origin the client addressed, "with
 * pre-filled query parameters from the original request" (seed doc): every original parameter is
 * kept verbatim, in order, and {@code page} is replaced (or appended). {@code next} may be given a
 * different origin (scenario {@code foreignNextOnPage}).
 */
record PageLinks(String first, String prev, String next) {

  static PageLinks of(
      String origin, String rawPath, String rawQuery, PageSlice s, String nextOrigin) {
    return new PageLinks(
        url(origin, rawPath, rawQuery, 1),
        s.hasPrev() ? url(origin, rawPath, rawQuery, s.page() - 1) : null,
        s.hasNext() ? url(nextOrigin, rawPath, rawQuery, s.page() + 1) : null);
  }

  static String url(String origin, String rawPath, String rawQuery, long page) {
    StringBuilder q = new StringBuilder();
    boolean placed = false;
    if (rawQuery != null) {
      for (String part : rawQuery.split("&")) {
        if (part.isEmpty()) continue;
        boolean isPage = "page".equals(decode(part.split("=", 2)[0]));
        if (isPage && placed) continue;
        if (q.length() > 0) q.append('&');
        if (isPage) {
          q.append("page=").append(page);
          placed = true;
        } else {
          q.append(part);
        }
      }
    }
    if (!placed) q.append(q.length() > 0 ? "&" : "").append("page=").append(page);
    return origin + rawPath + "?" + q;
  }

  /**
   * The body mirror: {@code "links": {"first": .., "prev": .., "next": ..}} (prev/next optional).
   */
  void writeField(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("links");
    g.writeStringField("first", first);
    if (prev != null) g.writeStringField("prev", prev);
    if (next != null) g.writeStringField("next", next);
    g.writeEndObject();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
