package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An app's push messages (all ASSUMPTION, §3.4): list (paginated), detail, create (201 with the
 * stored message and its {@code id}), and send ({@code .../send}, 201 with a push {@code id}).
 * Unknown message: 404 {@code API_ERR_NOT_FOUND} (ASSUMPTION).
 */
final class MessageEndpoints {
  private final AtomicLong pushIds;
  private final StatsCounters counters;

  MessageEndpoints(AtomicLong pushIds, StatsCounters counters) {
    this.pushIds = pushIds;
    this.counters = counters;
  }

  void list(ApiCall call) {
    Messages messages = call.app().messages;
    PagedJson.send(call, "messages", messages.size(), messages::write);
  }

  void get(ApiCall call) {
    long index = index(call);
    if (index < 0) return;
    ApiReplies.json(call.ctx(), 200, g -> call.app().messages.write(g, index));
  }

  void create(ApiCall call) {
    try {
      JsonNode body = body(call);
      ObjectNode stored = call.app().messages.create(
          MessageValidator.validate(body, call.settings().strictMessageFields()), call.clock().instant());
      ApiReplies.json(call.ctx(), 201, g -> g.writeTree(stored));
    } catch (FormatProblems e) {
      ApiReplies.errors(call.ctx(), 400, e.errors);
    }
  }

  void send(ApiCall call) {
    long index = index(call);
    if (index < 0) return;
    try {
      int targets = TargetValidator.validate(body(call), call.app().segments, call.settings());
      long pushId = pushIds.incrementAndGet();
      String now = FakePush.iso(LocalDateTime.ofInstant(call.clock().instant(), ZoneOffset.UTC).withNano(0));
      ApiReplies.json(call.ctx(), 201, g -> {
        g.writeStartObject();
        g.writeNumberField("id", pushId);
        g.writeNumberField("messageId", call.app().messages.firstId + index);
        g.writeStringField("partnerId", call.app().partnerId);
        g.writeStringField("status", "queued");
        g.writeNumberField("targets", targets);
        g.writeStringField("createdAt", now);
        g.writeEndObject();
      });
    } catch (FormatProblems e) {
      ApiReplies.errors(call.ctx(), 400, e.errors);
    }
  }

  /** The JSON body, after the scenario's forced format errors. */
  private JsonNode body(ApiCall call) throws FormatProblems {
    Integer forced = call.scenario().formatErrors();
    if (forced != null) {
      counters.faultInjected();
      List<ApiError> errors = new ArrayList<>();
      for (int i = 1; i <= forced; i++) errors.add(ApiError.format("Malformed field `field" + i + "` (forced " + i + "/" + forced + ")"));
      throw new FormatProblems(errors);
    }
    JsonBodies.requireJsonContentType(call.ctx(), call.settings());
    return JsonBodies.object(call.body());
  }

  /** The message's index, or -1 after answering 404. */
  private static long index(ApiCall call) {
    String raw = call.match().param("messageId");
    long index = raw.matches("\\d{1,18}") ? call.app().messages.indexOf(Long.parseLong(raw)) : -1;
    if (index < 0) ApiReplies.error(call.ctx(), 404, ApiError.NOT_FOUND, "Unknown message `" + raw + "`");
    return index;
  }
}
