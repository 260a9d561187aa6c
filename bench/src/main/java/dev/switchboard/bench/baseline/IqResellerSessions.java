package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IQ Reseller session tokens, one per connection, shared by every command of that connection. A
 * session has no announced lifetime: it is used until a data call answers 401. Logins are
 * synchronized per connection, so commands that need a token at the same moment wait for one login
 * instead of each doing their own.
 */
final class IqResellerSessions {
  private final HttpClient http;
  private final URI sessionUrl;
  private final Map<String, String> apiKeys;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  IqResellerSessions(HttpClient http, URI sessionUrl, Map<String, String> apiKeys) {
    this.http = http;
    this.sessionUrl = sessionUrl;
    this.apiKeys = Map.copyOf(apiKeys);
  }

  boolean knows(String connection) {
    return apiKeys.containsKey(connection);
  }

  /** The connection's session token, logging in first if there is none yet. Blocks. */
  String token(String connection) {
    String t = tokens.get(connection);
    return t != null ? t : renew(connection, null);
  }

  /**
   * A new token after {@code stale} was refused. If another command already replaced it, that token
   * is used and no second login happens.
   */
  String renew(String connection, String stale) {
    synchronized (locks.computeIfAbsent(connection, k -> new Object())) {
      String current = tokens.get(connection);
      if (current != null && !current.equals(stale)) {
        return current;
      }
      String fresh = login(connection);
      tokens.put(connection, fresh);
      return fresh;
    }
  }

  /** {@code POST sessionUrl {"APIToken": key}} → {@code {"Data": "<token>"}}. */
  private String login(String connection) {
    String body =
        Json.MAPPER.createObjectNode().put("APIToken", apiKeys.get(connection)).toString();
    HttpRequest req =
        HttpRequest.newBuilder(sessionUrl)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<byte[]> res;
    try {
      res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw CommandFailure.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("INTERNAL", "interrupted while logging in");
    }
    if (res.statusCode() == 401 || res.statusCode() == 403) {
      throw new CommandFailure("AUTH", "IQ Reseller refused the API key of " + connection);
    }
    if (res.statusCode() != 200) {
      throw CommandFailure.httpStatus("IQ Reseller Session", res.statusCode());
    }
    String token;
    try {
      JsonNode data = Json.MAPPER.readTree(res.body()).path("Data");
      token = data.isTextual() ? data.asText() : "";
    } catch (IOException e) {
      throw new CommandFailure("PROVIDER_BAD_RESPONSE", "the session answer is not JSON");
    }
    if (token.isBlank()) {
      throw new CommandFailure("AUTH", "IQ Reseller gave no session for " + connection);
    }
    return token;
  }
}
