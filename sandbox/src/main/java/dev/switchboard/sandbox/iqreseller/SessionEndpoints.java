package dev.switchboard.sandbox.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.ScenarioJson;
import dev.switchboard.sandbox.kit.SecretTag;
import dev.switchboard.sandbox.kit.SessionTokens;
import dev.switchboard.sandbox.kit.TenantRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Map;

/**
 * The sign-in host's {@code /api/IntegrationAPI/Session}: POST creates a session from an API key,
 * DELETE with {@code Authorization: Bearer <token>} ends it (provider-apis.md §2.2, CERTAIN).
 */
final class SessionEndpoints {
  private final TenantRegistry<TenantState> tenants;
  private final SessionTokens<TenantState> sessions;
  private final StatsCounters counters;
  private final IqResellerSettings settings;

  SessionEndpoints(
      TenantRegistry<TenantState> tenants,
      SessionTokens<TenantState> sessions,
      StatsCounters counters,
      IqResellerSettings settings) {
    this.tenants = tenants;
    this.sessions = sessions;
    this.counters = counters;
    this.settings = settings;
  }

  void login(RoutingContext ctx) {
    String apiKey;
    IqResellerScenario override;
    try {
      apiKey = apiToken(ctx);
      override = IqResellerScenario.JSON.fromHeader(ctx);
    } catch (IllegalArgumentException e) {
      MessageReplies.message(ctx, 400, e.getMessage());
      return;
    }
    TenantState tenant = tenants.find(apiKey);
    IqResellerScenario scenario =
        (tenant == null ? IqResellerScenario.none() : tenant.scenario()).overriddenBy(override);
    if (tenant != null) RequestLog.note(ctx, "tenant", tenant.name());
    FaultDice dice = tenant == null ? null : tenant.dice(scenario.randomFaults());
    FaultDice.Call fate = dice == null ? FaultDice.Call.SERVE : dice.roll(true);
    if (fate == FaultDice.Call.TIMEOUT) {
      MessageReplies.randomFault(ctx, fate, dice.faults(), counters);
      return;
    }
    later(
        ctx,
        scenario,
        () -> {
          if (fate != FaultDice.Call.SERVE) {
            MessageReplies.randomFault(ctx, fate, dice.faults(), counters);
            return;
          }
          if (tenant == null || scenario.refusesLogin()) {
            refuse(ctx);
            return;
          }
          SessionTokens.Session<TenantState> s = sessions.create(tenant);
          counters.sessionsCreated.add(tenant.name());
          RequestLog.note(ctx, "session", SecretTag.of(s.token));
          JsonObject body = new JsonObject().put("Data", s.token);
          // ASSUMPTION: the envelope may carry more members; optional, to test tolerant readers.
          if (settings.loginEnvelopeExtraMembers())
            body.put("Message", "Session created").put("Status", 200);
          MessageReplies.json(ctx, 200, body);
        });
  }

  void logout(RoutingContext ctx) {
    String token = bearer(ctx.request().getHeader("Authorization"));
    RequestLog.note(ctx, "session", SecretTag.of(token));
    SessionTokens.Session<TenantState> s = sessions.touch(token);
    if (s == null) {
      counters.unauthorized.increment();
      MessageReplies.message(ctx, 401, "Authorization has been denied for this request.");
      return;
    }
    RequestLog.note(ctx, "tenant", s.owner.name());
    sessions.remove(token);
    counters.sessionsDeleted.increment();
    IqResellerScenario scenario = s.owner.scenario();
    later(
        ctx,
        scenario,
        () -> {
          if (settings.logoutResponse() == IqResellerSettings.LogoutResponse.EMPTY) {
            ctx.response().setStatusCode(200).end();
          } else {
            MessageReplies.json(ctx, 200, new JsonObject().put("Data", true));
          }
        });
  }

  /** Login refused: 401, or 200 with null Data (both plausible, §2.2 step 6). */
  private void refuse(RoutingContext ctx) {
    counters.loginsRefused.increment();
    JsonObject body = new JsonObject().putNull("Data").put("Message", "Invalid API token");
    if (settings.loginFailureMode() == IqResellerSettings.LoginFailureMode.UNAUTHORIZED_401) {
      counters.unauthorized.increment();
      MessageReplies.json(ctx, 401, body);
    } else {
      MessageReplies.json(ctx, 200, body);
    }
  }

  /**
   * The {@code APIToken} member. Malformed JSON is 400; a missing or non-string token is an invalid
   * key (null). Member names bind case-insensitively, as ASP.NET's JSON binder does.
   */
  private static String apiToken(RoutingContext ctx) {
    JsonNode root;
    try {
      root =
          ctx.body().buffer() == null
              ? null
              : ScenarioJson.MAPPER.readTree(ctx.body().buffer().getBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException("The request is invalid: body is not JSON.");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "The request is invalid: expected {\"APIToken\":\"...\"}.");
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getKey().equalsIgnoreCase("APIToken"))
        return e.getValue().isTextual() ? e.getValue().asText() : null;
    }
    return null;
  }

  private static String bearer(String authorization) {
    if (authorization == null) return null;
    String v = authorization.trim();
    return v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).trim() : null;
  }

  private static void later(RoutingContext ctx, IqResellerScenario scenario, Runnable action) {
    long delay = scenario.delayMsFor(null);
    if (delay > 0) ctx.vertx().setTimer(delay, t -> action.run());
    else action.run();
  }
}
