package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Normalises IQ Reseller records (provider-apis.md §2.3): fixed-width CHAR columns come
 * right-padded, dates are US strings {@code M/d/yyyy h:mm:ss a}, and {@code 1/1/1900 12:00:00 AM}
 * means "no date". Strings are trimmed, dates become ISO-8601 local date-times (the API gives no
 * zone), the sentinel becomes null. Everything else is kept as is.
 *
 * <p>It runs once per record of every list (W2: a million records on one event loop), so it edits
 * the freshly parsed tree in place and reads dates by hand: a regex and a {@code DateTimeFormatter}
 * per string took a third of the stream's time. The reading is as strict as the formatter was:
 * 2/30/2020 is not a date (a lenient parser would move it to 2/29).
 */
final class IqResellerRecords {
  private IqResellerRecords() {}

  /** The record normalised; {@code node} itself is changed (the caller owns the parsed tree). */
  static JsonNode normalize(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        JsonNode v = normalize(e.getValue());
        if (v != e.getValue()) {
          e.setValue(v);
        }
      }
      return o;
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = normalize(a.get(i));
        if (v != a.get(i)) {
          a.set(i, v);
        }
      }
      return a;
    }
    if (node.isTextual()) {
      String s = node.asText();
      String t = text(s);
      if (t == null) {
        return JsonNodeFactory.instance.nullNode();
      }
      return t == s ? node : JsonNodeFactory.instance.textNode(t); // strip() keeps s when clean
    }
    return node;
  }

  /**
   * One string as records carry it: trimmed, a US date as ISO-8601, the 1900 sentinel as null.
   * Returns {@code s} itself when nothing changes.
   */
  static String text(String s) {
    String stripped = s.strip();
    String iso = UsDate.toIso(stripped);
    if (iso == null) {
      return stripped;
    }
    return iso.isEmpty() ? null : iso;
  }

  /** {@code M/d/yyyy h:mm:ss AM|PM}, read strictly by hand. */
  static final class UsDate {
    private int at;
    private final String s;

    private UsDate(String s) {
      this.s = s;
    }

    /**
     * The ISO local date-time of a US date-time; "" for the 1/1/1900 12:00:00 AM sentinel; null
     * when {@code s} is not one (or names no real day or time).
     */
    static String toIso(String s) {
      if (s.length() < 19 || s.length() > 22 || s.charAt(1) != '/' && s.charAt(2) != '/') {
        return null;
      }
      UsDate d = new UsDate(s);
      int month = d.digits(1, 2, '/');
      int day = d.digits(1, 2, '/');
      int year = d.digits(4, 4, ' ');
      int hour = d.digits(1, 2, ':');
      int minute = d.digits(2, 2, ':');
      int second = d.digits(2, 2, ' ');
      if (second < 0 || d.at != s.length() - 2 || s.charAt(s.length() - 1) != 'M') {
        return null;
      }
      char half = s.charAt(s.length() - 2);
      if (half != 'A' && half != 'P' || hour < 1 || hour > 12 || minute > 59 || second > 59) {
        return null;
      }
      try {
        LocalDate.of(year, month, day); // the calendar decides: no 2/30, no 2/29/2021
      } catch (DateTimeException e) {
        return null;
      }
      int h24 = hour % 12 + (half == 'P' ? 12 : 0);
      if (year == 1900 && month == 1 && day == 1 && h24 == 0 && minute == 0 && second == 0) {
        return "";
      }
      StringBuilder b = new StringBuilder(19);
      pad(b, year, 4).append('-');
      pad(b, month, 2).append('-');
      pad(b, day, 2).append('T');
      pad(b, h24, 2).append(':');
      pad(b, minute, 2).append(':');
      return pad(b, second, 2).toString();
    }

    /** {@code min..max} ASCII digits then {@code end}; -1 (and every later call -1) if not. */
    private int digits(int min, int max, char end) {
      if (at < 0) {
        return -1;
      }
      int n = 0;
      int count = 0;
      while (at < s.length() && count < max && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
        n = n * 10 + s.charAt(at++) - '0';
        count++;
      }
      if (count < min || at >= s.length() || s.charAt(at) != end) {
        at = -1;
        return -1;
      }
      at++;
      return n;
    }

    private static StringBuilder pad(StringBuilder b, int n, int width) {
      String v = String.valueOf(n);
      for (int i = v.length(); i < width; i++) {
        b.append('0');
      }
      return b.append(v);
    }
  }
}
