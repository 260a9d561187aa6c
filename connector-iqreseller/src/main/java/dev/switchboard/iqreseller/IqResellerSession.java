package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.auth.Token;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.spi.Secret;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;

/**
 * The IQ Reseller session of one connection: {@code POST Session {"APIToken"}} gives the session
 * token in {@code Data}; {@code DELETE Session} with {@code Authorization: Bearer} ends it. The
 * lifetime is not published, so the token lives until a 401 unless {@code sessionRefresh} is
 * set (provider-apis.md §2.2).
 */
final class IqResellerSession {
  private final TokenSource<String> tokens;
  private final ProviderHttp http;
  private final String sessionUrl;
  private final Secret apiKey;
  private final long timeoutMs;
  /**
   * How long the session call itself may take: longer than callers wait for it (the request
   * timeout), so that an answer arriving late is still read and its session kept (then used,
   * or ended at stop), never left open at the provider with nobody holding its token.
   */
  private final long loginTimeoutMs;

  IqResellerSession(ProviderHttp http, String sessionUrl, Secret apiKey, Duration refreshAfter,
      long timeoutMs, Clock clock, io.reactivex.rxjava3.core.Scheduler timers, Metrics metrics,
      String connection) {
    this.http = http;
    this.timeoutMs = timeoutMs;
    this.loginTimeoutMs = Math.max(4 * timeoutMs, 120_000);
    this.sessionUrl = sessionUrl;
    this.apiKey = apiKey;
    this.tokens = new TokenSource<>(() -> login(refreshAfter, clock)
        .doOnSuccess(t -> metrics.increment("switchboard_token_refreshes_total",
            "Provider logins and token refreshes", "provider", "iqreseller",
            "connection", connection)), clock)
        .withLoginWait(java.time.Duration.ofMillis(timeoutMs), timers);
  }

  TokenSource<String> tokens() {
    return tokens;
  }

  private Single<Token<String>> login(Duration refreshAfter, Clock clock) {
    Buffer body = Buffer.buffer(Json.bytes(Json.object().put("APIToken", apiKey.reveal())));
    return http.exchange("Session.create", () -> http.client().postAbs(sessionUrl)
            .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
            .timeout(loginTimeoutMs).sendBuffer(body))
        .onErrorResumeNext(e -> Single.error(ProviderCallException.isAuthExpiry(e)
            ? refused("the API key was refused (HTTP 401)") : e))
        .map(resp -> {
          JsonNode data = parse(resp.body()).path("Data");
          // Both refusal shapes are possible: 401, or 200 with "Data": null (§2.2 step 6).
          if (!data.isTextual() || data.asText().isBlank()) {
            throw refused("the session call returned no session token");
          }
          return new Token<>(data.asText(), null,
              refreshAfter == null ? null : clock.instant().plus(refreshAfter));
        });
  }

  /** Ends the session if one is open. */
  Completable end() {
    return tokens.close(token -> http.exchange("Session.delete", () -> http.client()
        .deleteAbs(sessionUrl).putHeader("Authorization", "Bearer " + token).timeout(timeoutMs)
        .send())
        .ignoreElement());
  }

  /** An empty 200 counts as "no token"; a body that is not JSON is a broken response. */
  private static JsonNode parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return Json.object();
    }
    try {
      return Json.parse(body.getBytes());
    } catch (java.io.IOException e) {
      throw IqResellerClient.badResponse("Session.create", "the session answer is not JSON ("
          + body.length() + " bytes)", false);
    }
  }

  private static SwitchboardException refused(String why) {
    return new SwitchboardException("IQR_LOGIN_REFUSED", Category.AUTH,
        "IQ Reseller login failed: " + why + "; check the connection's apiKey");
  }
}
