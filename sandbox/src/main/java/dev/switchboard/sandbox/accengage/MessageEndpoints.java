package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.kit.Unanswered;
import dev.switchboard.sandbox.kit.WriteTally;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
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
      ObjectNode stored =
          call.app()
              .messages
              .create(
                  MessageValidator.validate(body, call.settings().strictMessageFields()),
                  call.clock().instant());
      if (appliedThenLost(call)) return;
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
      String now =
          FakePush.iso(LocalDateTime.ofInstant(call.clock().instant(), ZoneOffset.UTC).withNano(0));
      if (appliedThenLost(call)) return;
      ApiReplies.json(
          call.ctx(),
          201,
          g -> {
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

  /**
   * What identifies one intended write: the route, the path and the body byte for byte (the
   * connector serialises a command's body once, so its re-send is the same bytes).
   */
  static String writeKey(RoutingContext ctx, ApiRoute route, Buffer body) {
    return WriteTally.key(
        route.statsName(),
        ctx.request().path(),
        WriteTally.digest(body == null ? new byte[0] : body.getBytes()));
  }

  /**
   * Counts an applied write; then, if the random fault mode loses its answer, closes the connection
   * without one and returns true.
   */
  private boolean appliedThenLost(ApiCall call) {
    String key = writeKey(call.ctx(), call.match().route(), call.body());
    counters.writes.applied(call.match().route().statsName(), key);
    FaultDice dice = call.user().dice(call.scenario().randomFaults());
    if (dice == null || !dice.loseAnswer()) return false;
    counters.writes.answerLost(key);
    counters.faults.random(FaultDice.LOST_ANSWER);
    Unanswered.close(call.ctx());
    return true;
  }

  /** The JSON body, after the scenario's forced format errors. */
  private JsonNode body(ApiCall call) throws FormatProblems {
    Integer forced = call.scenario().formatErrors();
    if (forced != null) {
      counters.faults.injected();
      List<ApiError> errors = new ArrayList<>();
      for (int i = 1; i <= forced; i++)
        errors.add(
            ApiError.format("Malformed field `field" + i + "` (forced " + i + "/" + forced + ")"));
      throw new FormatProblems(errors);
    }
    JsonBodies.requireJsonContentType(call.ctx(), call.settings());
    return JsonBodies.object(call.body());
  }

  /** The message's index, or -1 after answering 404. */
  private static long index(ApiCall call) {
    String raw = call.match().param("messageId");
    long index = raw.matches("\\d{1,18}") ? call.app().messages.indexOf(Long.parseLong(raw)) : -1;
    if (index < 0)
      ApiReplies.error(call.ctx(), 404, ApiError.NOT_FOUND, "Unknown message `" + raw + "`");
    return index;
  }
}
