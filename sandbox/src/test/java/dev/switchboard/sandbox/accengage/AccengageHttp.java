package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A plain java.net.http client speaking the Accengage wire protocol as one user. It signs
 * independently of the simulator: SHA-1 (MessageDigest) of body + API key + time, lowercase hex.
 */
final class AccengageHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AccengageSimulator sim;
  private final String email;
  private final String apiKey;
  private final Clock clock;

  AccengageHttp(AccengageSimulator sim, String email, String apiKey, Clock clock) {
    this.sim = sim;
    this.email = email;
    this.apiKey = apiKey;
    this.clock = clock;
  }

  static String sha1(String body, String key, String time) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-1")
              .digest((body + key + time).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  String now() {
    return String.valueOf(clock.instant().getEpochSecond());
  }

  /** The token call, signed; extra headers as name/value pairs. */
  HttpResponse<String> login(String... headers) {
    String body = "{\"email\":\"" + email + "\"}";
    return post(null, "/v1/access_token", body, headers);
  }

  /** Logs in and returns the access token, failing if refused. */
  String token() {
    HttpResponse<String> r = login();
    if (r.statusCode() != 200)
      throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
    return json(r).get("access_token").asText();
  }

  /** A signed GET of a path ({@code /v1/...}) or an absolute URL; empty body signed. */
  HttpResponse<String> get(String token, String pathOrUrl, String... headers) {
    String time = now();
    return send(request(pathOrUrl, token, time, sha1("", apiKey, time), headers).GET());
  }

  /** A signed POST of a JSON body. */
  HttpResponse<String> post(String token, String path, String body, String... headers) {
    String time = now();
    return send(
        request(path, token, time, sha1(body, apiKey, time), headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A request with the given signing headers (null = absent) and no automatic signing. */
  HttpResponse<String> raw(
      String method,
      String path,
      String body,
      String token,
      String time,
      String signature,
      String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (time != null) b.header("Accengage-Time", time);
    if (signature != null) b.header("Accengage-Signature", signature);
    if (token != null) b.header("Authorization", "Bearer " + token);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(
        b.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A call on the control API, e.g. {@code control("PUT", "scenarios/a@b.c", "{...}")}. */
  HttpResponse<String> control(String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(sim.controlUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpRequest.Builder request(
      String pathOrUrl, String token, String time, String signature, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathOrUrl))
            .timeout(Duration.ofSeconds(10))
            .header("Accengage-Time", time)
            .header("Accengage-Signature", signature);
    if (token != null) b.header("Authorization", "Bearer " + token);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return b;
  }

  URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : sim.baseUrl() + pathOrUrl);
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** The label of the only error of an error body. */
  static String label(HttpResponse<String> r) {
    JsonNode errors = json(r).get("errors");
    if (errors == null || errors.size() != 1)
      throw new AssertionError("expected one error: " + r.body());
    return errors.get(0).get("label").asText();
  }
}
