package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.accountsiq.SoapRequest.Credentials;
import dev.switchboard.auth.Token;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.error.Action;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Secret;
import dev.switchboard.trace.CommandTrace;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two ways in (provider-apis.md §1.3, §1.4). {@code login} (1.1): {@code Login(companyID,
 * partnerKey, userKey)} gives a session token valid 20 minutes, sent as the body's {@code <token>};
 * renewed when 90% of its lifetime has passed (two minutes early for the default 20 minutes).
 * {@code app} (2.0): {@code TokenGet(clientId, clientSecret)} gives an access and a refresh token;
 * the access token goes in the {@code AiqSoapHeader} with the entity; on expiry {@code
 * TokenRefresh} rotates both, and a refused refresh falls back to {@code TokenGet}. A refused login
 * is AUTH, never a loop; a login the provider could not answer for now (a {@code soap:Server}
 * fault, a 5xx, the 2.0 rate limit) is classified like any other call and retried with the
 * runtime's backoff, so one transient fault does not fail every command waiting for the token as
 * "refused".
 */
final class AccountsIqAuth {
  private AccountsIqAuth() {}

  static TokenSource<Credentials> login(
      SoapTransport t,
      ConnectorContext ctx,
      String endpoint,
      String companyId,
      Secret partnerKey,
      Secret userKey,
      Duration lifetime) {
    JsonNode fields =
        Json.object()
            .put("companyID", companyId)
            .put("partnerKey", partnerKey.reveal())
            .put("userKey", userKey.reveal());
    return ctx.tokens(
        () ->
            once(t, ctx.http(), endpoint, "Login", fields, ResultShape.BARE)
                .map(
                    v -> {
                      if (!v.isTextual() || v.asText().isBlank()) {
                        throw refused("Login returned no session token");
                      }
                      var now = ctx.clock().instant();
                      // Renewed when 90% of the lifetime has passed (2 minutes early for 20
                      // minutes): one
                      // login per token lifetime, at any configured lifetime.
                      return new Token<>(
                          new Credentials(v.asText(), null, null),
                          now.plus(lifetime),
                          now.plus(lifetime.minus(lifetime.dividedBy(10))));
                    }));
  }

  static TokenSource<Credentials> app(
      SoapTransport t,
      ConnectorContext ctx,
      String endpoint,
      String entity,
      String clientId,
      Secret clientSecret) {
    ProviderHttp http = ctx.http();
    AtomicReference<String> refresh = new AtomicReference<>();
    JsonNode get =
        Json.object().put("clientId", clientId).put("clientSecret", clientSecret.reveal());
    return ctx.tokens(
        () -> {
          String r = refresh.get();
          Single<JsonNode> tokens =
              r == null
                  ? once(t, http, endpoint, "TokenGet", get, ResultShape.TRAILING_STATUS)
                  : once(
                          t,
                          http,
                          endpoint,
                          "TokenRefresh",
                          ((com.fasterxml.jackson.databind.node.ObjectNode) get.deepCopy())
                              .put("refreshToken", r),
                          ResultShape.TRAILING_STATUS)
                      .onErrorResumeNext(
                          e ->
                              once(
                                  t,
                                  http,
                                  endpoint,
                                  "TokenGet",
                                  get,
                                  ResultShape.TRAILING_STATUS)); // a used or expired refresh token
          return tokens.map(
              v -> {
                String access = v.path("AccessToken").asText("");
                if (access.isBlank()) {
                  throw refused("TokenGet returned no access token");
                }
                refresh.set(v.path("RefreshToken").asText(null));
                return new Token<>(new Credentials(null, entity, access), null, null);
              });
        });
  }

  /**
   * One unauthenticated call, retried like any idempotent call while the provider cannot answer for
   * now; its first record, or an AUTH failure when it refuses.
   */
  private static Single<JsonNode> once(
      SoapTransport t,
      ProviderHttp http,
      String endpoint,
      String op,
      JsonNode fields,
      ResultShape shape) {
    byte[] env = SoapRequest.envelope(op, Credentials.none(), fields, java.util.Map.of());
    return http.retrying(
        Single.defer(
            () ->
                t.exchange(endpoint, op, env, shape, CommandTrace.NONE)
                    .concatMap(
                        e -> {
                          if (e instanceof SoapResponseParser.Outcome o
                              && o.status() != null
                              && !AccountsIqErrors.success(o.status())) {
                            return Flowable.error(
                                temporaryFailure(
                                        AccountsIqErrors.of(
                                            o.status(), o.errorCode(), o.hasExpired()))
                                    ? AccountsIqClient.failure(op, o)
                                    : refused(
                                        op + " answered " + o.status() + " " + o.errorCode()));
                          }
                          if (e instanceof SoapResponseParser.Fault f) {
                            Resolution r = AccountsIqErrors.ofFault(f.code());
                            return Flowable.error(
                                temporaryFailure(r)
                                    ? new ProviderCallException(
                                        r,
                                        "AccountsIQ "
                                            + op
                                            + " answered a SOAP fault: "
                                            + f.message(),
                                        Json.object()
                                            .put("faultcode", f.code())
                                            .put("faultstring", f.message()),
                                        null,
                                        null)
                                    : refused(op + " answered a SOAP fault: " + f.message()));
                          }
                          return Flowable.just(e);
                        })
                    .filter(e -> e instanceof SoapResponseParser.Record)
                    .map(e -> ((SoapResponseParser.Record) e).value())
                    .first(Json.MAPPER.nullNode())),
        true,
        null);
  }

  /** Whether the provider could not answer for now (retried), rather than refused. */
  private static boolean temporaryFailure(Resolution r) {
    return r.action() == Action.RETRY || r.action() == Action.RATE_LIMITED;
  }

  private static SwitchboardException refused(String why) {
    return new SwitchboardException(
        "AIQ_LOGIN_REFUSED",
        Category.AUTH,
        "AccountsIQ refused the "
            + "credentials: "
            + why
            + "; check the connection's auth settings");
  }
}
