package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.auth.Token;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Secret;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.time.Duration;

/**
 * The IQ Reseller session of one connection: {@code POST Session {"APIToken"}} gives the session
 * token in {@code Data}; {@code DELETE Session} with {@code Authorization: Bearer} ends it. The
 * lifetime is not published, so the token lives until a 401 unless {@code sessionRefresh} is set
 * (provider-apis.md §2.2).
 */
final class IqResellerSession {
  private final TokenSource<String> tokens;
  private final ProviderHttp http;
  private final String sessionUrl;
  private final Secret apiKey;

  /**
   * How long the session call itself may take: longer than callers wait for it (the request
   * timeout), so that an answer arriving late is still read and its session kept (then used, or
   * ended at stop), never left open at the provider with nobody holding its token.
   */
  private final long loginTimeoutMs;

  IqResellerSession(ConnectorContext ctx, String sessionUrl, Secret apiKey, Duration refreshAfter) {
    this.http = ctx.http();
    this.loginTimeoutMs = Math.max(4 * http.requestTimeoutMs(), 120_000);
    this.sessionUrl = sessionUrl;
    this.apiKey = apiKey;
    this.tokens =
        ctx.<String>tokens(() -> login(refreshAfter, ctx.clock()))
            .withLoginWait(Duration.ofMillis(http.requestTimeoutMs()), ctx.scheduler());
  }

  TokenSource<String> tokens() {
    return tokens;
  }

  private Single<Token<String>> login(Duration refreshAfter, Clock clock) {
    Buffer body = Buffer.buffer(Json.bytes(Json.object().put("APIToken", apiKey.reveal())));
    return http.exchange(
            "Session.create",
            () ->
                http.request(HttpMethod.POST, sessionUrl)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Accept", "application/json")
                    .timeout(loginTimeoutMs)
                    .sendBuffer(body))
        .onErrorResumeNext(
            e ->
                Single.error(
                    ProviderCallException.isAuthExpiry(e)
                        ? refused("the API key was refused (HTTP 401)")
                        : e))
        .map(
            resp -> {
              JsonNode data = parse(resp.body()).path("Data");
              // Both refusal shapes are possible: 401, or 200 with "Data": null (§2.2 step 6).
              if (!data.isTextual() || data.asText().isBlank()) {
                throw refused("the session call returned no session token");
              }
              return new Token<>(
                  data.asText(),
                  null,
                  refreshAfter == null ? null : clock.instant().plus(refreshAfter));
            });
  }

  /** Ends the session if one is open. */
  Completable end() {
    return tokens.close(
        token ->
            http.exchange(
                    "Session.delete",
                    () ->
                        http.request(HttpMethod.DELETE, sessionUrl)
                            .putHeader("Authorization", "Bearer " + token)
                            .send())
                .ignoreElement());
  }

  /** An empty 200 counts as "no token"; a body that is not JSON is a broken response. */
  private JsonNode parse(Buffer body) {
    return body == null || body.length() == 0
        ? Json.object()
        : http.json("Session.create", body, false);
  }

  private static SwitchboardException refused(String why) {
    return new SwitchboardException(
        "IQR_LOGIN_REFUSED",
        Category.AUTH,
        "IQ Reseller login failed: " + why + "; check the connection's apiKey");
  }
}
