package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ErrorClassifier;
import dev.switchboard.error.Resolution;
import dev.switchboard.json.Json;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accengage's error table. The meaning is in the body's {@code errors[].label} (provider-apis.md
 * §3.5; vendor doc "Generic errors"): the same 400 can be an invalid token (get a new one), a
 * refused signature (a bug or a clock problem: never retried blindly) or a format error (the
 * caller's params). Every label and message is kept in {@code error.provider.errors}.
 */
final class AccengageErrors implements ErrorClassifier {
  private static final Resolution TOKEN =
      new Resolution(Action.REFRESH_AUTH_THEN_RETRY, Category.AUTH, "ACCENGAGE_TOKEN_REFUSED");
  private static final Map<String, Resolution> BY_LABEL =
      Map.of(
          "API_ERR_TOKEN", TOKEN,
          "API_ERR_SIGNATURE", Resolution.fail(Category.AUTH, "ACCENGAGE_SIGNATURE_REFUSED"),
          "API_ERR_FORMAT", Resolution.fail(Category.INVALID_COMMAND, "ACCENGAGE_FORMAT"),
          "API_ERR_FORBIDDEN", Resolution.fail(Category.AUTH, "ACCENGAGE_FORBIDDEN"),
          "API_ERR_UNKNOW_ROUTE", Resolution.fail(Category.NOT_FOUND, "ACCENGAGE_UNKNOWN_ROUTE"));

  /** The documented server-side failures: retried with backoff, reported by label. */
  private static final List<String> SERVER_LABELS =
      List.of(
          "API_ERR_DB",
          "API_ERR_CACHE",
          "API_ERR_SERVICE",
          "API_ERR_UTIL",
          "API_ERR_SUPPORT",
          "API_ERR_UNKNOWN");

  private static final int MAX_ERRORS_KEPT = 50;

  @Override
  public Resolution ofStatus(int status) {
    return ErrorClassifier.HTTP_DEFAULT.ofStatus(status);
  }

  @Override
  public ProviderError ofResponse(int status, Buffer body) {
    List<String[]> errors = errors(body);
    Resolution r = errors.isEmpty() ? ofStatus(status) : byLabel(status, errors.get(0)[0]);
    ObjectNode detail = Json.object().put("status", status);
    ArrayNode list = detail.putArray("errors");
    List<String> summary = new ArrayList<>();
    for (String[] e : errors) {
      list.addObject().put("label", e[0]).put("message", e[1]);
      summary.add(e[0] + ": " + e[1]);
    }
    return new ProviderError(r, detail, summary.isEmpty() ? null : String.join("; ", summary));
  }

  private Resolution byLabel(int status, String label) {
    Resolution r = BY_LABEL.get(label);
    if (r != null) {
      return r;
    }
    if (SERVER_LABELS.contains(label)) {
      return Resolution.retry(
          Category.PROVIDER, "ACCENGAGE_" + label.substring("API_ERR_".length()));
    }
    return ofStatus(status); // a label not in the table: the status decides
  }

  /** {@code [label, message]} pairs of an {@code {"errors":[...]}} body; empty if none. */
  private static List<String[]> errors(Buffer body) {
    List<String[]> out = new ArrayList<>();
    if (body == null || body.length() == 0 || body.length() > 256 * 1024) {
      return out;
    }
    try {
      JsonNode errors = Json.parse(body.getBytes()).path("errors");
      for (JsonNode e : errors) {
        if (out.size() == MAX_ERRORS_KEPT) {
          break;
        }
        out.add(new String[] {e.path("label").asText("UNLABELLED"), e.path("message").asText("")});
      }
    } catch (java.io.IOException e) {
      // not JSON: the status decides
    }
    return out;
  }
}
