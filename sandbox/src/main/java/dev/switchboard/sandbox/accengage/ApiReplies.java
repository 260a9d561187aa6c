package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes JSON answers: bodies are streamed with Jackson's generator, never built as trees. */
final class ApiReplies {
  static final String JSON_UTF8 = "application/json; charset=utf-8";
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Writes one JSON document. */
  interface JsonWriter {
    void write(JsonGenerator g) throws IOException;
  }

  private ApiReplies() {}

  static Buffer encode(JsonWriter writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  static void json(RoutingContext ctx, int status, JsonWriter writer) {
    send(ctx, status, JSON_UTF8, encode(writer));
  }

  static void send(RoutingContext ctx, int status, String contentType, Buffer body) {
    HttpServerResponse r = ctx.response();
    if (r.ended() || r.closed()) return;
    r.setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }

  static void error(RoutingContext ctx, int status, String label, String message) {
    errors(ctx, status, List.of(new ApiError(label, message)));
  }

  static void errors(RoutingContext ctx, int status, List<ApiError> errors) {
    json(
        ctx,
        status,
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("errors");
          for (ApiError e : errors) {
            g.writeStartObject();
            g.writeStringField("label", e.label());
            g.writeStringField("message", e.message());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
