package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code items.get} and {@code inventory.list} against the IQ Reseller data API, with the
 * connection's session in the {@code iqr-session-token} header. A 401 means the session ended: one
 * new login, one replay of that call. No other retries.
 */
final class IqResellerOperations implements ProviderOperations {
  private static final int DEFAULT_PAGE_SIZE = 2000;

  private final HttpClient http;
  private final String baseUrl;
  private final IqResellerSessions sessions;

  IqResellerOperations(HttpClient http, String baseUrl, IqResellerSessions sessions) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.sessions = sessions;
  }

  @Override
  public CompletableFuture<Void> start(Command c, ResultPublisher out) {
    if (!sessions.knows(c.connection())) {
      throw new CommandFailure("INVALID_COMMAND", "unknown connection " + c.connection());
    }
    switch (c.operation()) {
      case "items.get":
        String itemId = c.param("itemId");
        if (itemId == null) {
          throw new CommandFailure("INVALID_COMMAND", "items.get needs params.itemId");
        }
        return get(
                c.connection(),
                "MI/JSON/GetItemByItemId?ItemID="
                    + URLEncoder.encode(itemId, StandardCharsets.UTF_8),
                "GetItemByItemId")
            .thenCompose(
                item -> {
                  if (!item.isObject() || item.isEmpty()) {
                    throw new CommandFailure("PROVIDER_NOT_FOUND", "no item " + itemId);
                  }
                  return out.completed(c, item);
                });
      case "inventory.list":
        JsonNode size = c.params().path("pageSize");
        int pageSize = size.isMissingNode() ? DEFAULT_PAGE_SIZE : size.asInt(0);
        if (pageSize < 1 || pageSize > 100_000) {
          throw new CommandFailure("INVALID_COMMAND", "pageSize must be 1..100000");
        }
        return page(c, out, pageSize, 1, 0, CompletableFuture.completedFuture(null));
      default:
        throw new CommandFailure("INVALID_COMMAND", "unknown operation " + c.operation());
    }
  }

  /**
   * Fetches page {@code n}, hands its records to the producer, then fetches the next page: one page
   * in memory at a time. {@code acked} completes when every record sent so far is acknowledged;
   * {@code completed} goes out only after that.
   */
  private CompletableFuture<Void> page(
      Command c,
      ResultPublisher out,
      int pageSize,
      int n,
      long sent,
      CompletableFuture<Void> acked) {
    String path = "Inventory/JSON/GetInventories?Page=" + n + "&PageSize=" + pageSize;
    return get(c.connection(), path, "GetInventories")
        .thenCompose(
            records -> {
              if (!records.isArray()) {
                throw new CommandFailure(
                    "PROVIDER_BAD_RESPONSE", "GetInventories: not a JSON array");
              }
              CompletableFuture<?>[] pageAcks = new CompletableFuture<?>[records.size()];
              long seq = sent;
              for (JsonNode r : records) {
                pageAcks[(int) (seq - sent)] = out.record(c, seq++, r);
              }
              CompletableFuture<Void> all =
                  acked.thenCombine(CompletableFuture.allOf(pageAcks), (a, b) -> null);
              if (records.size() < pageSize) {
                long total = seq;
                return all.thenCompose(v -> out.completed(c, total, n));
              }
              return page(c, out, pageSize, n + 1, seq, all);
            });
  }

  /** GET a data call's JSON; a 401 gets one new login and one replay. */
  private CompletableFuture<JsonNode> get(String connection, String path, String call) {
    String token = sessions.token(connection);
    return send(path, token)
        .thenCompose(
            res ->
                res.statusCode() != 401
                    ? CompletableFuture.completedFuture(res)
                    : send(path, sessions.renew(connection, token)))
        .thenApply(
            res -> {
              if (res.statusCode() == 401) {
                throw new CommandFailure("AUTH", call + " answered 401 right after a new login");
              }
              if (res.statusCode() != 200) {
                throw CommandFailure.httpStatus(call, res.statusCode());
              }
              try {
                return Json.MAPPER.readTree(res.body());
              } catch (IOException e) {
                throw new CommandFailure(
                    "PROVIDER_BAD_RESPONSE", call + ": the answer is not JSON");
              }
            });
  }

  private CompletableFuture<HttpResponse<byte[]>> send(String path, String token) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("iqr-session-token", token)
            .GET()
            .build();
    return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
  }
}
