package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;

/** Reads POST bodies: JSON objects sent with {@code Content-Type: application/json} (seed doc). */
final class JsonBodies {
  private JsonBodies() {}

  /**
   * ASSUMPTION (setting): without the header the body is not read as JSON, hence a format error.
   */
  static void requireJsonContentType(RoutingContext ctx, AccengageSettings settings)
      throws FormatProblems {
    if (!settings.requireJsonContentType()) return;
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw FormatProblems.of("Missing header `Content-Type: application/json`");
    }
  }

  /** The body as a JSON object, or a single format problem. */
  static JsonNode object(Buffer body) throws FormatProblems {
    JsonNode root;
    try {
      root = body.length() == 0 ? null : ApiReplies.MAPPER.readTree(body.getBytes());
    } catch (IOException e) {
      throw FormatProblems.of("Malformed JSON body");
    }
    if (root == null || !root.isObject())
      throw FormatProblems.of("Malformed JSON body: expected an object");
    return root;
  }
}
