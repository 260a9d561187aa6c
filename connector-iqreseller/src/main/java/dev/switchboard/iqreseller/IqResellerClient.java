package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.spi.Invocation;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * The IQ Reseller data API of one connection (a WCF REST service): {@code GET} with the session in
 * the {@code iqr-session-token} header. Every call is retried as a whole on transient failures and
 * re-run once with a new session on 401.
 */
final class IqResellerClient {
  private final ProviderHttp http;
  private final IqResellerSession session;
  private final String baseUrl;
  private final int maxPageSize;

  IqResellerClient(ProviderHttp http, IqResellerSession session, String baseUrl, int maxPageSize) {
    this.http = http;
    this.session = session;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.maxPageSize = maxPageSize;
  }

  /** The largest page the provider returns; asking for more gets this many (§2.5). */
  int maxPageSize() {
    return maxPageSize;
  }

  /** GET returning the raw body, after retries and at most one re-login. */
  Single<Buffer> get(String path, Map<String, String> query, Invocation inv) {
    return http.retrying(fetch(path, query, inv), true, inv.deadline());
  }

  /** GET of a JSON document; an unreadable body is retried like a cut connection, then reported. */
  Single<JsonNode> getJson(String path, Map<String, String> query, Invocation inv) {
    return http.retrying(
        fetch(path, query, inv).map(body -> http.json(callName(path), body, true)),
        true,
        inv.deadline());
  }

  /** One attempt (cold): with the session token, and once more with a new one on 401. */
  private Single<Buffer> fetch(String path, Map<String, String> query, Invocation inv) {
    return session
        .tokens()
        .withToken(
            token ->
                http.exchange(
                    callName(path),
                    () -> {
                      HttpRequest<Buffer> req =
                          http.request(HttpMethod.GET, baseUrl + path, inv)
                              .putHeader("iqr-session-token", token)
                              .putHeader("Accept", "application/json");
                      query.forEach(req::addQueryParam);
                      return req.send();
                    }))
        .map(r -> r.body() == null ? Buffer.buffer() : r.body());
  }

  private static String callName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * GET of a list page, a bare JSON array (§2.3), split into its records straight from the body's
   * tokens ({@link IqResellerPage}), normalised unless {@code raw}.
   */
  Single<List<JsonNode>> getRecords(
      String path, Map<String, String> query, Invocation inv, boolean raw) {
    return http.retrying(
        fetch(path, query, inv)
            .map(body -> IqResellerPage.records(callName(path), body.getBytes(), !raw)),
        true,
        inv.deadline());
  }

  Completable close() {
    return session.end();
  }
}
