package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.auth.RequestSigner;
import dev.switchboard.auth.Token;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.metrics.Metrics;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The access token of one connection: {@code POST /v1/access_token {"email"}}, signed, answers
 * {@code {"token_type":"Bearer","access_token":…}} (provider-apis.md §3.3). The lifetime is not
 * published: the token is kept until the API says {@code API_ERR_TOKEN}, unless
 * {@code tokenRefresh} renews it earlier.
 */
final class AccengageAuth {
  private AccengageAuth() {}

  static TokenSource<String> tokens(ProviderHttp http, RequestSigner signer, URI base,
      String email, long timeoutMs, Duration refreshAfter, Clock clock, Metrics metrics,
      String connection) {
    URI uri = base.resolve("/v1/access_token");
    byte[] body = Json.bytes(Json.object().put("email", email));
    return new TokenSource<>(() -> http.exchange("access_token", () -> {
      var req = http.client().postAbs(uri.toString()).putHeader("Content-Type", "application/json")
          .putHeader("Accept", "application/json").timeout(timeoutMs);
      signer.sign("POST", body).forEach(req::putHeader);
      return req.sendBuffer(Buffer.buffer(body));
    }).onErrorResumeNext(e -> Single.error(refused(e)))
        .map(resp -> {
          JsonNode n = AccengageClient.json("access_token", resp.body());
          String type = n.path("token_type").asText("Bearer");
          String value = n.path("access_token").asText("");
          if (value.isBlank()) {
            throw badResponse("access_token", "no access_token in the answer");
          }
          metrics.increment("switchboard_token_refreshes_total",
              "Provider logins and token refreshes", "provider", "accengage",
              "connection", connection);
          return new Token<>(type + " " + value, null,
              refreshAfter == null ? null : clock.instant().plus(refreshAfter));
        }), clock);
  }

  /** A refused token request is an AUTH failure, never something to loop on. */
  private static Throwable refused(Throwable e) {
    if (e instanceof ProviderCallException p && p.category() == Category.AUTH) {
      return new SwitchboardException("ACCENGAGE_LOGIN_REFUSED", Category.AUTH,
          "Accengage refused the access token request (" + p.getMessage()
              + "); check the connection's email and apiKey", false, p.provider(), null, null);
    }
    return e;
  }

  static ProviderCallException badResponse(String call, String why) {
    return new ProviderCallException(Resolution.fail(Category.PROVIDER, "PROVIDER_BAD_RESPONSE"),
        "Accengage " + call + ": " + why, Json.object().put("call", call), null, null);
  }
}
