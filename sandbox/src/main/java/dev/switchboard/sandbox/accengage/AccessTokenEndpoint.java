package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.accengage.SignatureVerifier.Signed;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.SecretTag;
import dev.switchboard.sandbox.kit.TenantRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /v1/access_token} with {@code {"email": ...}}, signed with that user's API key,
 * answers {@code {"token_type":"Bearer","access_token":"..."}} (§3.3, CERTAIN). No {@code
 * expires_in} is sent: the lifetime is unknown (ASSUMPTION, a setting).
 */
final class AccessTokenEndpoint {
  private static final String ROUTE = ApiRoute.ACCESS_TOKEN.statsName();
  private final TenantRegistry<UserState> users;
  private final TokenStore tokens;
  private final SignatureVerifier verifier;
  private final StatsCounters counters;
  private final AccengageSettings settings;

  AccessTokenEndpoint(
      TenantRegistry<UserState> users,
      TokenStore tokens,
      SignatureVerifier verifier,
      StatsCounters counters,
      AccengageSettings settings) {
    this.users = users;
    this.tokens = tokens;
    this.verifier = verifier;
    this.counters = counters;
    this.settings = settings;
  }

  void handle(RoutingContext ctx, Signed signed, Buffer body, AccengageScenario override) {
    String email;
    try {
      email = email(ctx, body, settings);
    } catch (FormatProblems e) {
      counters.signatureSeen(ROUTE, signed.time(), signed.signature(), false);
      ApiReplies.errors(ctx, 400, e.errors);
      return;
    }
    UserState user = users.find(email);
    if (user == null) {
      counters.signatureSeen(ROUTE, signed.time(), signed.signature(), false);
      if (settings.unknownEmail() == AccengageSettings.UnknownEmailMode.SIGNATURE_400) {
        counters.signatureFailures.increment();
        ApiReplies.error(
            ctx,
            400,
            ApiError.SIGNATURE,
            "Invalid header `" + SignatureVerifier.SIGNATURE_HEADER + "`");
      } else {
        counters.forbidden.increment();
        ApiReplies.error(ctx, 403, ApiError.FORBIDDEN, "No API access for this user");
      }
      return;
    }
    RequestLog.note(ctx, "user", user.email());
    boolean verified = verifier.verify(body, user.config.apiKey(), signed);
    counters.signatureSeen(ROUTE, signed.time(), signed.signature(), verified);
    if (!verified) {
      counters.signatureFailures.increment();
      ApiReplies.error(
          ctx,
          400,
          ApiError.SIGNATURE,
          "Invalid header `" + SignatureVerifier.SIGNATURE_HEADER + "`");
      return;
    }
    counters.calls.add(ROUTE);
    AccengageScenario scenario = user.scenario().overriddenBy(override);
    FaultDice dice = user.dice(scenario.randomFaults());
    FaultDice.Call fate = dice == null ? FaultDice.Call.SERVE : dice.roll(true);
    ApiGateway.later(
        ctx,
        scenario.delayMs(),
        () -> {
          if (fate != FaultDice.Call.SERVE) {
            Faults.random(ctx, fate, dice.faults(), counters);
            return;
          }
          TokenStore.Token token = tokens.issue(user);
          counters.tokensIssued.add(user.email());
          RequestLog.note(ctx, "token", SecretTag.of(token.value));
          ApiReplies.json(
              ctx,
              200,
              g -> {
                g.writeStartObject();
                g.writeStringField("token_type", "Bearer");
                g.writeStringField("access_token", token.value);
                g.writeEndObject();
              });
        });
  }

  /** The body's email; every problem is API_ERR_FORMAT. */
  private static String email(RoutingContext ctx, Buffer body, AccengageSettings settings)
      throws FormatProblems {
    JsonBodies.requireJsonContentType(ctx, settings);
    JsonNode root = JsonBodies.object(body);
    JsonNode email = root.get("email");
    if (email == null || email.isNull())
      throw new FormatProblems(List.of(ApiError.missing("email")));
    if (!email.isTextual() || email.asText().isBlank()) {
      throw new FormatProblems(List.of(ApiError.malformed("email", "expected a non-empty string")));
    }
    return email.asText();
  }
}
