package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.auth.RequestSigner;
import dev.switchboard.auth.Token;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.error.Category;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ConnectorContext;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;

/**
 * The access token of one connection: {@code POST /v1/access_token {"email"}}, signed, answers
 * {@code {"token_type":"Bearer","access_token":…}} (provider-apis.md §3.3). The lifetime is not
 * published: the token is kept until the API says {@code API_ERR_TOKEN}, unless {@code
 * tokenRefresh} renews it earlier.
 */
final class AccengageAuth {
  private AccengageAuth() {}

  static TokenSource<String> tokens(
      ConnectorContext ctx, RequestSigner signer, URI base, String email, Duration refreshAfter) {
    var http = ctx.http();
    URI uri = base.resolve("/v1/access_token");
    byte[] body = Json.bytes(Json.object().put("email", email));
    return ctx.tokens(
        () ->
            http.exchange(
                    "access_token",
                    () -> {
                      var req =
                          http.request(HttpMethod.POST, uri.toString())
                              .putHeader("Content-Type", "application/json")
                              .putHeader("Accept", "application/json");
                      signer.sign("POST", body).forEach(req::putHeader);
                      return req.sendBuffer(Buffer.buffer(body));
                    })
                .onErrorResumeNext(e -> Single.error(refused(e)))
                .map(
                    resp -> {
                      JsonNode n = http.json("access_token", resp.body(), false);
                      String type = n.path("token_type").asText("Bearer");
                      String value = n.path("access_token").asText("");
                      if (value.isBlank()) {
                        throw ProviderCallException.badResponse(
                            "accengage", "access_token", "no access_token in the answer", false);
                      }
                      return new Token<>(
                          type + " " + value,
                          null,
                          refreshAfter == null ? null : ctx.clock().instant().plus(refreshAfter));
                    }));
  }

  /** A refused token request is an AUTH failure, never something to loop on. */
  private static Throwable refused(Throwable e) {
    if (e instanceof ProviderCallException p && p.category() == Category.AUTH) {
      return new SwitchboardException(
          "ACCENGAGE_LOGIN_REFUSED",
          Category.AUTH,
          "Accengage refused the access token request ("
              + p.getMessage()
              + "); check the connection's email and apiKey",
          false,
          p.provider(),
          null,
          null);
    }
    return e;
  }
}
