package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.accengage.SignatureVerifier.Signed;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.SecretTag;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /v1/*}: route, check the signature headers, authenticate, verify the signature with the
 * user's key, then hand over to {@link CallDispatcher}. Order: an unknown route is 404 before
 * anything else (the doc's example is a misspelt token call); missing, malformed or stale signing
 * headers are 400 API_ERR_SIGNATURE before the token is looked at; the token then names the user
 * whose key must have signed (for the token call, the body's email does).
 */
final class ApiGateway {
  private final TokenStore tokens;
  private final SignatureVerifier verifier;
  private final StatsCounters counters;
  private final AccessTokenEndpoint accessToken;
  private final CallDispatcher dispatcher;

  ApiGateway(
      TokenStore tokens,
      SignatureVerifier verifier,
      StatsCounters counters,
      AccessTokenEndpoint accessToken,
      CallDispatcher dispatcher) {
    this.tokens = tokens;
    this.verifier = verifier;
    this.counters = counters;
    this.accessToken = accessToken;
    this.dispatcher = dispatcher;
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    ApiRoute.Match match = ApiRoute.match(req.method(), req.path());
    if (match == null) {
      counters.unknownRoutes.increment();
      ApiReplies.error(
          ctx,
          404,
          ApiError.UNKNOW_ROUTE,
          "Unsupported " + req.method().name() + " request : " + req.path());
      return;
    }
    String route = match.route().statsName();
    RequestLog.note(ctx, "route", route);
    counters.requests.add(route);
    AccengageScenario override;
    try {
      override = AccengageScenario.JSON.fromHeader(ctx);
    } catch (IllegalArgumentException e) {
      ApiReplies.error(ctx, 400, ApiError.SANDBOX_SCENARIO, e.getMessage());
      return;
    }
    Signed signed = Signed.of(req);
    String problem = verifier.headerProblem(signed);
    if (problem != null) {
      if (signed.present()) counters.signatureSeen(route, signed.time(), signed.signature(), false);
      signatureFailure(ctx, problem);
      return;
    }
    Buffer body = RawBody.of(ctx);
    if (match.route() == ApiRoute.ACCESS_TOKEN) {
      accessToken.handle(ctx, signed, body, override);
      return;
    }
    TokenStore.Check check = tokens.check(req.getHeader("Authorization"));
    if (check.token() == null) { // none or unknown: no user, so no key to verify with
      counters.signatureSeen(route, signed.time(), signed.signature(), false);
      tokenFailure(ctx, counters, check.status());
      return;
    }
    TokenStore.Token token = check.token();
    RequestLog.note(ctx, "user", token.user.email());
    RequestLog.note(ctx, "token", SecretTag.of(token.value));
    boolean verified = verifier.verify(body, token.user.config.apiKey(), signed);
    counters.signatureSeen(route, signed.time(), signed.signature(), verified);
    if (!verified) {
      signatureFailure(ctx, "Invalid header `" + SignatureVerifier.SIGNATURE_HEADER + "`");
      return;
    }
    if (check.status() == TokenStore.Status.EXPIRED) {
      tokenFailure(ctx, counters, check.status());
      return;
    }
    AccengageScenario scenario = token.user.scenario().overriddenBy(override);
    later(ctx, scenario.delayMs(), () -> dispatcher.dispatch(ctx, match, token, scenario, body));
  }

  private void signatureFailure(RoutingContext ctx, String message) {
    counters.signatureFailures.increment();
    ApiReplies.error(ctx, 400, ApiError.SIGNATURE, message);
  }

  /** The documented API_ERR_TOKEN statuses: 403 none sent, 400 invalid, 401 expired. */
  static void tokenFailure(RoutingContext ctx, StatsCounters counters, TokenStore.Status status) {
    counters.tokenFailures.add(status.httpStatus);
    String message =
        switch (status) {
          case MISSING -> "This route requires an access token";
          case EXPIRED -> "The access token has expired, a new one must be generated";
          default -> "The access token is invalid, a new one must be generated";
        };
    ApiReplies.error(ctx, status.httpStatus, ApiError.TOKEN, message);
  }

  /** Runs {@code action} after {@code delayMs} with a timer: the event loop is never blocked. */
  static void later(RoutingContext ctx, long delayMs, Runnable action) {
    if (delayMs > 0) ctx.vertx().setTimer(delayMs, t -> action.run());
    else action.run();
  }
}
