package dev.switchboard.paging;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 8288 {@code Link} header: {@code <uri>; rel="next"; title="x", <uri2>; rel=prev}. Entries
 * are comma-separated, in any order; parameters are tokens or quoted strings (commas and semicolons
 * inside quotes or inside {@code <...>} are data); {@code rel} may hold several space-separated
 * relation types; relative references resolve against the request URI.
 */
public final class LinkHeader {
  /** One link: its target and its parameters (names lower-cased). */
  public record Link(URI target, Map<String, String> params) {
    public boolean hasRel(String rel) {
      String rels = params.get("rel");
      if (rels == null) {
        return false;
      }
      for (String r : rels.trim().split("\\s+")) {
        if (r.equalsIgnoreCase(rel)) {
          return true;
        }
      }
      return false;
    }
  }

  private LinkHeader() {}

  /** The first link with relation {@code rel}, if any. */
  public static Optional<URI> find(String header, URI base, String rel) {
    return parse(header, base).stream().filter(l -> l.hasRel(rel)).map(Link::target).findFirst();
  }

  /**
   * Parses a header value (several header lines may be joined with commas first).
   *
   * @throws IllegalArgumentException when the value is not a Link header
   */
  public static List<Link> parse(String header, URI base) {
    List<Link> links = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return links;
    }
    Cursor c = new Cursor(header);
    while (true) {
      c.skipSpaces();
      if (c.done()) {
        return links;
      }
      if (c.peek() == ',') { // empty list elements are allowed (RFC 9110 §5.6.1)
        c.pos++;
        continue;
      }
      c.expect('<');
      int end = header.indexOf('>', c.pos);
      if (end < 0) {
        throw new IllegalArgumentException("unterminated <uri> in Link header");
      }
      URI target = base.resolve(header.substring(c.pos, end).trim());
      c.pos = end + 1;
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        c.skipSpaces();
        if (c.done() || c.peek() == ',') {
          break;
        }
        c.expect(';');
        c.skipSpaces();
        String name = c.token().toLowerCase(Locale.ROOT);
        c.skipSpaces();
        String value = "";
        if (!c.done() && c.peek() == '=') {
          c.pos++;
          c.skipSpaces();
          value = !c.done() && c.peek() == '"' ? c.quoted() : c.token();
        }
        params.putIfAbsent(name, value); // RFC 8288 §3: only the first occurrence counts
      }
      links.add(new Link(target, params));
    }
  }

  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean done() {
      return pos >= s.length();
    }

    char peek() {
      return s.charAt(pos);
    }

    void skipSpaces() {
      while (!done() && (peek() == ' ' || peek() == '\t')) {
        pos++;
      }
    }

    void expect(char ch) {
      if (done() || peek() != ch) {
        throw new IllegalArgumentException("expected '" + ch + "' at " + pos + " in Link header");
      }
      pos++;
    }

    String token() {
      int start = pos;
      while (!done() && "\t ;,=\"".indexOf(peek()) < 0) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException("expected a token at " + pos + " in Link header");
      }
      return s.substring(start, pos);
    }

    String quoted() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (!done() && peek() != '"') {
        if (peek() == '\\' && pos + 1 < s.length()) {
          pos++;
        }
        b.append(s.charAt(pos++));
      }
      expect('"');
      return b.toString();
    }
  }
}
