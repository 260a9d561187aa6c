package dev.switchboard.sandbox.accengage;

import io.vertx.core.http.HttpMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The v1 routes the simulator serves. CERTAIN (§3.4): the token call, {@code /v1/me} and the device
 * export. ASSUMPTION: the rest, following provider-apis.md's proposed table. Matching is exact
 * (method and every segment): anything else is 404 {@code API_ERR_UNKNOW_ROUTE}, whose documented
 * message names the method ("Unsupported POST request : /v1/acess_token").
 */
enum ApiRoute {
  ACCESS_TOKEN(HttpMethod.POST, "/v1/access_token", false),
  ME(HttpMethod.GET, "/v1/me", false),
  APPS(HttpMethod.GET, "/v1/me/apps", true),
  APP(HttpMethod.GET, "/v1/me/apps/{partnerId}", false),
  MESSAGES(HttpMethod.GET, "/v1/me/apps/{partnerId}/messages", true),
  CREATE_MESSAGE(HttpMethod.POST, "/v1/me/apps/{partnerId}/messages", false),
  MESSAGE(HttpMethod.GET, "/v1/me/apps/{partnerId}/messages/{messageId}", false),
  SEND_MESSAGE(HttpMethod.POST, "/v1/me/apps/{partnerId}/messages/{messageId}/send", false),
  SEGMENTS(HttpMethod.GET, "/v1/me/apps/{partnerId}/segments", true),
  DEVICE_EXPORT(HttpMethod.GET, "/v1/me/apps/{partnerId}/devices", true),
  DEVICE(HttpMethod.GET, "/v1/me/apps/{partnerId}/devices/{deviceId}", false);

  /** A matched route and its decoded path parameters. */
  record Match(ApiRoute route, Map<String, String> params) {
    String param(String name) {
      return params.get(name);
    }
  }

  final HttpMethod method;
  final String template;
  final boolean paginated;
  private final String[] segments;

  ApiRoute(HttpMethod method, String template, boolean paginated) {
    this.method = method;
    this.template = template;
    this.paginated = paginated;
    this.segments = template.substring(1).split("/");
  }

  /** True for the routes that change stored data. */
  boolean isWrite() {
    return this == CREATE_MESSAGE || this == SEND_MESSAGE;
  }

  /** Name in stats and logs, e.g. {@code GET /v1/me/apps/{partnerId}}. */
  String statsName() {
    return method.name() + " " + template;
  }

  /** The route for a raw request path, or null. */
  static Match match(HttpMethod method, String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) return null;
    String[] seg = rawPath.substring(1).split("/", -1);
    for (ApiRoute r : values()) {
      if (r.method.equals(method) && seg.length == r.segments.length) {
        Map<String, String> params = r.bind(seg);
        if (params != null) return new Match(r, params);
      }
    }
    return null;
  }

  private Map<String, String> bind(String[] seg) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < seg.length; i++) {
      String t = segments[i];
      if (t.startsWith("{")) {
        if (seg[i].isEmpty()) return null;
        params.put(t.substring(1, t.length() - 1), decode(seg[i]));
      } else if (!t.equals(seg[i])) {
        return null;
      }
    }
    return params;
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
