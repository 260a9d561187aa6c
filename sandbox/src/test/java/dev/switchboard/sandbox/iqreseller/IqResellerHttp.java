package dev.switchboard.sandbox.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client speaking the IQ Reseller wire protocol to a running simulator. */
final class IqResellerHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final IqResellerSimulator sim;

  IqResellerHttp(IqResellerSimulator sim) {
    this.sim = sim;
  }

  HttpResponse<String> login(String apiKey, String... headers) {
    return send(
        request(URI.create(sim.sessionUrl()), headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"APIToken\":\"" + apiKey + "\"}")));
  }

  /** Logs in and returns the session token, failing if refused. */
  String token(String apiKey) {
    HttpResponse<String> r = login(apiKey);
    if (r.statusCode() != 200)
      throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
    return json(r).get("Data").asText();
  }

  HttpResponse<String> logout(String token) {
    return send(request(URI.create(sim.sessionUrl()), "Authorization", "Bearer " + token).DELETE());
  }

  /** GET {@code baseUrl + path} with the session header (omitted when token is null). */
  HttpResponse<String> get(String token, String path, String... headers) {
    HttpRequest.Builder b = request(URI.create(sim.baseUrl() + path), headers).GET();
    if (token != null) b.header("iqr-session-token", token);
    return send(b);
  }

  HttpResponse<String> post(String token, String path, String body) {
    return send(
        request(URI.create(sim.baseUrl() + path), "iqr-session-token", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A call on the control API, e.g. {@code control("PUT", "scenarios/key", "{...}")}. */
  HttpResponse<String> control(String method, String path, String body) {
    return send(
        request(URI.create(sim.controlUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  private static HttpRequest.Builder request(URI uri, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json");
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
