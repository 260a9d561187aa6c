package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.spi.Schema;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route templates such as {@code /v1/me/apps/{partnerId}/messages/{messageId}}: each {@code {name}}
 * is the command param of that name, path-encoded; {@code partnerId} defaults to the connection's
 * (provider-apis.md §3: every app route names the app's partner id).
 */
final class Routes {
  private static final Pattern VAR = Pattern.compile("\\{(\\w+)}");

  private Routes() {}

  /** Params every {@code /v1/me/apps/{partnerId}/…} operation accepts, plus {@code extra}. */
  static Schema.Builder appParams() {
    return Schema.builder()
        .optionalString("partnerId", "the app's partner id; default: the connection's partnerId");
  }

  static URI uri(AccengageClient c, String template, ObjectNode params, Map<String, String> query) {
    Matcher m = VAR.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value =
          params.hasNonNull(name)
              ? params.get(name).asText()
              : name.equals("partnerId") ? c.partnerId() : "";
      m.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
    }
    m.appendTail(path);
    StringBuilder q = new StringBuilder();
    query.forEach(
        (k, v) ->
            q.append(q.length() == 0 ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
    return c.resolve(path + q.toString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The records of a list page: a bare array, else the declared field, else the one array field
   * besides {@code links} (list envelopes are an ASSUMPTION, provider-apis.md §3.4).
   */
  static List<JsonNode> items(JsonNode body, String field) {
    JsonNode arr = body.isArray() ? body : body.get(field);
    if (arr == null || !arr.isArray()) {
      arr = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getKey().equals("links") && e.getValue().isArray()) {
          arr = e.getValue();
          break;
        }
      }
    }
    if (arr == null) {
      throw ProviderCallException.badResponse(
          "accengage", field, "no list of " + field + " in the answer", false);
    }
    List<JsonNode> out = new ArrayList<>(arr.size());
    arr.forEach(out::add);
    return out;
  }
}
