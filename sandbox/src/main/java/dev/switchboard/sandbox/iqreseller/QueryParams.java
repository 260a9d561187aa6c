package dev.switchboard.sandbox.iqreseller;

import io.vertx.core.MultiMap;
import java.util.Map;

/**
 * Query parameters looked up case-insensitively: WCF binds query names without regard to case, and
 * clients send both {@code Page}/{@code PageSize} and {@code page}/{@code pagesize}
 * (provider-apis.md §2.5). A missing numeric parameter binds to 0, as a WCF {@code int} does.
 */
final class QueryParams {
  private final MultiMap params;

  QueryParams(MultiMap params) {
    this.params = params;
  }

  String get(String name) {
    for (Map.Entry<String, String> e : params) {
      if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    }
    return null;
  }

  int intParam(String name) throws BadParam {
    long v = longParam(name);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw invalid(name, get(name), "Int32");
    return (int) v;
  }

  long longParam(String name) throws BadParam {
    String raw = get(name);
    if (raw == null || raw.isEmpty()) return 0;
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, raw, "Int64");
    }
  }

  private static BadParam invalid(String name, String raw, String type) {
    return new BadParam(
        "The value '" + raw + "' is not a valid " + type + " for parameter '" + name + "'.");
  }
}
