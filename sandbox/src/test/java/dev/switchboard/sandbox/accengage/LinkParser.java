package dev.switchboard.sandbox.accengage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict RFC 8288 {@code Link} parser for tests: {@code <uri> *( OWS ";" OWS param [ "=" ( token
 * / quoted-string ) ] )}, entries separated by commas, over any number of header fields. Fails on
 * anything malformed, so it also checks that every spelling the simulator produces is legal.
 */
final class LinkParser {
  record Link(String uri, Map<String, String> params) {}

  private final String s;
  private int i;

  private LinkParser(String s) {
    this.s = s;
  }

  static List<Link> parse(List<String> fields) {
    List<Link> out = new ArrayList<>();
    for (String f : fields) new LinkParser(f).parseInto(out);
    return out;
  }

  /** rel type to URI; a relation given twice is an error. */
  static Map<String, String> rels(List<String> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Link l : parse(fields)) {
      String rel = l.params().get("rel");
      if (rel == null) throw new AssertionError("link without rel: " + fields);
      for (String r : rel.trim().split("\\s+")) {
        if (out.put(r.toLowerCase(Locale.ROOT), l.uri()) != null)
          throw new AssertionError("duplicate rel " + r);
      }
    }
    return out;
  }

  private void parseInto(List<Link> out) {
    while (true) {
      skip(" \t,");
      if (i >= s.length()) return;
      expect('<');
      int end = s.indexOf('>', i);
      if (end < 0) throw new AssertionError("unterminated <uri> in " + s);
      String uri = s.substring(i, end);
      i = end + 1;
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        skip(" \t");
        if (i >= s.length() || s.charAt(i) == ',') break;
        expect(';');
        skip(" \t");
        String name = token().toLowerCase(Locale.ROOT);
        skip(" \t");
        String value = "";
        if (i < s.length() && s.charAt(i) == '=') {
          i++;
          skip(" \t");
          value = i < s.length() && s.charAt(i) == '"' ? quoted() : token();
        }
        params.putIfAbsent(name, value);
      }
      out.add(new Link(uri, params));
    }
  }

  private String token() {
    int start = i;
    while (i < s.length() && "!#$%&'*+-.^_`|~".indexOf(s.charAt(i)) >= 0
        || i < s.length() && Character.isLetterOrDigit(s.charAt(i))) i++;
    if (start == i) throw new AssertionError("token expected at " + i + " in " + s);
    return s.substring(start, i);
  }

  private String quoted() {
    StringBuilder b = new StringBuilder();
    i++;
    while (i < s.length() && s.charAt(i) != '"') {
      if (s.charAt(i) == '\\') i++;
      b.append(s.charAt(i++));
    }
    expect('"');
    return b.toString();
  }

  private void expect(char c) {
    if (i >= s.length() || s.charAt(i) != c)
      throw new AssertionError("'" + c + "' expected at " + i + " in " + s);
    i++;
  }

  private void skip(String chars) {
    while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) i++;
  }
}
