package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.auth.RequestSigner;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.message.CommandBounds;
import dev.switchboard.spi.Invocation;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;

/**
 * Accengage REST v1 for one connection. Every attempt is signed afresh over the exact bytes it
 * sends ({@code Accengage-Time}, {@code Accengage-Signature}) and carries the access token; an
 * {@code API_ERR_TOKEN} answer gets one new token and one replay. No attempt ever sends {@code
 * Expect: 100-continue}, which the vendor's load balancers do not support.
 */
final class AccengageClient {
  private final ProviderHttp http;
  private final RequestSigner signer;
  private final TokenSource<String> token;
  private final URI base;
  private final String partnerId;
  private final int maxPages;

  AccengageClient(
      ProviderHttp http,
      RequestSigner signer,
      TokenSource<String> token,
      URI base,
      String partnerId,
      int maxPages) {
    this.http = http;
    this.signer = signer;
    this.token = token;
    this.base = base;
    this.partnerId = partnerId;
    this.maxPages = maxPages;
  }

  URI base() {
    return base;
  }

  String partnerId() {
    return partnerId;
  }

  int maxPages() {
    return maxPages;
  }

  /** One GET of an absolute URI on this connection's origin; retried if {@code idempotent}. */
  Single<HttpResponse<Buffer>> get(String call, URI uri, Invocation inv) {
    return http.retrying(
        attempt(call, HttpMethod.GET, uri, new byte[0], inv), true, inv.deadline());
  }

  /** GET returning the JSON body. */
  Single<JsonNode> getJson(String call, URI uri, Invocation inv) {
    return get(call, uri, inv).map(r -> json(call, r.body()));
  }

  /**
   * The JSON of an answer's body; one that is not JSON is {@code PROVIDER_BAD_RESPONSE}. An empty
   * body is an empty object: the API answers some calls with no content.
   */
  JsonNode json(String call, Buffer body) {
    return body == null || body.length() == 0 ? Json.object() : http.json(call, body, false);
  }

  /**
   * POST of a JSON body, serialised once (on subscription): the bytes signed are the bytes sent.
   * Not idempotent: retried only when the provider refused it outright (throttling, expired token).
   * A body over the {@link CommandBounds} fails with {@code INVALID_PARAMS} (category {@code
   * INVALID_COMMAND}) before it is rendered or anything is sent.
   */
  Single<JsonNode> post(String call, URI uri, JsonNode body, Invocation inv) {
    return Single.defer(
        () -> {
          CommandBounds.requireWritable("accengage " + call, body, "");
          byte[] bytes = Json.bytes(body);
          return http.retrying(
                  attempt(call, HttpMethod.POST, uri, bytes, inv), false, inv.deadline())
              .map(r -> json(call, r.body()));
        });
  }

  private Single<HttpResponse<Buffer>> attempt(
      String call, HttpMethod method, URI uri, byte[] body, Invocation inv) {
    return token.withToken(
        t ->
            http.exchange(
                call,
                () -> {
                  HttpRequest<Buffer> req =
                      http.request(method, uri.toString(), inv)
                          .putHeader("Authorization", t)
                          .putHeader("Accept", "application/json");
                  signer
                      .sign(method.name(), body)
                      .forEach(req::putHeader); // per attempt: a fresh time
                  if (body.length == 0) {
                    return req.send();
                  }
                  return req.putHeader("Content-Type", "application/json")
                      .sendBuffer(Buffer.buffer(body));
                }));
  }

  /**
   * Every {@code Link} field of an answer, joined: a server may send each relation in a field of
   * its own (RFC 9110 §5.3 allows combining them with commas), and reading only the first would
   * lose {@code next} and end a list early.
   */
  static String links(HttpResponse<Buffer> r) {
    var all = r.headers().getAll("Link");
    return all.isEmpty() ? null : String.join(", ", all);
  }

  URI resolve(String path) {
    return base.resolve(path);
  }
}
