package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accengage {@code devices.export}: {@code GET {baseUrl}/v1/me/apps/{partnerId}/devices}, then the
 * {@code rel="next"} URL of each answer's {@code Link} header until there is none. Every request is
 * signed ({@code Accengage-Time} = epoch seconds, {@code Accengage-Signature} = hex SHA-1 of body +
 * API key + time; the body is empty for GET) and carries {@code Authorization: Bearer <token>} from
 * a signed {@code POST /v1/access_token {"email"}}. The token is kept per connection until an
 * answer says {@code API_ERR_TOKEN}: then one new token and one replay. Each page is a {@code
 * ;}-separated CSV with a header row, read line by line (the export quotes nothing); each row
 * becomes one record event, its fields as strings keyed by the header.
 */
final class AccengageOperations implements ProviderOperations {
  /** A connection as given in peer.properties. */
  record Account(String email, String apiKey, String partnerId) {}

  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

  private final HttpClient http;
  private final URI base;
  private final Map<String, Account> accounts;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  AccengageOperations(HttpClient http, String baseUrl, Map<String, Account> accounts) {
    this.http = http;
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.accounts = Map.copyOf(accounts);
  }

  @Override
  public CompletableFuture<Void> start(Command c, ResultPublisher out) {
    Account a = accounts.get(c.connection());
    if (a == null) {
      throw new CommandFailure("INVALID_COMMAND", "unknown connection " + c.connection());
    }
    if (!"devices.export".equals(c.operation())) {
      throw new CommandFailure("INVALID_COMMAND", "unknown operation " + c.operation());
    }
    String partner = c.param("partnerId") != null ? c.param("partnerId") : a.partnerId();
    URI first = base.resolve("v1/me/apps/" + partner + "/devices");
    return page(c, a, out, first, 1, 0, CompletableFuture.completedFuture(null));
  }

  /** One page: its rows to the producer, then the next page; {@code completed} after the last. */
  private CompletableFuture<Void> page(
      Command c,
      Account a,
      ResultPublisher out,
      URI uri,
      int n,
      long sent,
      CompletableFuture<Void> acked) {
    return get(c.connection(), a, uri)
        .thenCompose(
            res -> {
              String[] lines = res.body().split("\n");
              String[] header = lines[0].isBlank() ? new String[0] : lines[0].split(";", -1);
              CompletableFuture<?>[] pageAcks = new CompletableFuture<?>[lines.length];
              long seq = sent;
              for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                  pageAcks[i] = CompletableFuture.completedFuture(null);
                  continue;
                }
                String[] fields = lines[i].split(";", -1);
                ObjectNode row = Json.MAPPER.createObjectNode();
                for (int f = 0; f < header.length; f++) {
                  row.put(header[f], f < fields.length ? fields[f] : null);
                }
                pageAcks[i] = out.record(c, seq++, row);
              }
              pageAcks[0] = acked;
              CompletableFuture<Void> all = CompletableFuture.allOf(pageAcks);
              URI next = next(res);
              if (next == null) {
                long total = seq;
                return all.thenCompose(v -> out.completed(c, total, n));
              }
              return page(c, a, out, next, n + 1, seq, all);
            });
  }

  /** The {@code rel="next"} target of the answer's Link header fields, or null. */
  private URI next(HttpResponse<String> res) {
    for (String link : res.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return base.resolve(m.group(1));
      }
    }
    return null;
  }

  /** A signed GET with the connection's token; API_ERR_TOKEN gets one new token and one replay. */
  private CompletableFuture<HttpResponse<String>> get(String connection, Account a, URI uri) {
    String token = token(connection, a, null);
    return send(a, uri, token)
        .thenCompose(
            res ->
                !tokenRefused(res)
                    ? CompletableFuture.completedFuture(res)
                    : send(a, uri, token(connection, a, token)))
        .thenApply(
            res -> {
              if (tokenRefused(res)) {
                throw new CommandFailure(
                    "AUTH", "devices.export: token refused right after a new one");
              }
              if (res.statusCode() != 200) {
                throw CommandFailure.httpStatus("devices.export", res.statusCode());
              }
              return res;
            });
  }

  private CompletableFuture<HttpResponse<String>> send(Account a, URI uri, String token) {
    String time = String.valueOf(System.currentTimeMillis() / 1000);
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/csv, application/json")
            .header("Accengage-Time", time)
            .header("Accengage-Signature", sign(new byte[0], a.apiKey(), time))
            .GET()
            .build();
    return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static boolean tokenRefused(HttpResponse<String> res) {
    return (res.statusCode() == 400 || res.statusCode() == 401 || res.statusCode() == 403)
        && res.body().contains("API_ERR_TOKEN");
  }

  /**
   * The cached token, or a new one when there is none or {@code stale} was refused. Synchronized
   * per connection, so concurrent commands cause one token request, not one each. Blocks.
   */
  private String token(String connection, Account a, String stale) {
    String t = tokens.get(connection);
    if (t != null && !t.equals(stale)) {
      return t;
    }
    synchronized (a) {
      t = tokens.get(connection);
      if (t != null && !t.equals(stale)) {
        return t;
      }
      t = requestToken(a);
      tokens.put(connection, t);
      return t;
    }
  }

  private String requestToken(Account a) {
    byte[] body;
    try {
      body = Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().put("email", a.email()));
    } catch (IOException e) {
      throw CommandFailure.of(e);
    }
    String time = String.valueOf(System.currentTimeMillis() / 1000);
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve("v1/access_token"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Accengage-Time", time)
            .header("Accengage-Signature", sign(body, a.apiKey(), time))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode answer = res.statusCode() == 200 ? Json.MAPPER.readTree(res.body()) : null;
      String token = answer == null ? "" : answer.path("access_token").asText("");
      if (token.isBlank()) {
        throw new CommandFailure(
            "AUTH", "Accengage refused the access token (HTTP " + res.statusCode() + ")");
      }
      return token;
    } catch (IOException e) {
      throw CommandFailure.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("INTERNAL", "interrupted while getting a token");
    }
  }

  static String sign(byte[] body, String apiKey, String time) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(body);
      sha1.update(apiKey.getBytes(StandardCharsets.UTF_8));
      sha1.update(time.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
