package dev.switchboard.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.ErrorClassifier;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.json.Json;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.retry.Retry;
import dev.switchboard.spi.Invocation;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A connector's HTTP to its provider: one attempt is {@link #exchange}, measured and classified
 * with the connector's error table; {@link #retrying} re-runs a whole deferred call. Failure
 * messages name the call, never URLs with credentials, headers or bodies.
 *
 * <p>Each connection gets its own instance ({@link #forConnection}): its retried calls go through
 * the connection's {@link ConnectionGate} (circuit breaker, throttling pause, rate limit), so a
 * provider that is down or throttling sees a bounded number of calls from it, and every request it
 * makes ({@link #request}) carries the connection's request timeout.
 */
public final class ProviderHttp {
  private final String provider;
  private final WebClient client;
  private final ErrorClassifier classifier;
  private final Retry retry;
  private final Metrics metrics;
  private final java.time.Clock clock;
  private final ConnectionGate gate;
  private final long requestTimeoutMs;

  /** The default request timeout of a connection whose schema declares none. */
  public static final java.time.Duration DEFAULT_REQUEST_TIMEOUT = java.time.Duration.ofSeconds(60);

  public ProviderHttp(
      String provider,
      WebClient client,
      ErrorClassifier classifier,
      Retry retry,
      Metrics metrics,
      java.time.Clock clock) {
    this(
        provider,
        client,
        classifier,
        retry,
        metrics,
        clock,
        null,
        DEFAULT_REQUEST_TIMEOUT.toMillis());
  }

  private ProviderHttp(
      String provider,
      WebClient client,
      ErrorClassifier classifier,
      Retry retry,
      Metrics metrics,
      java.time.Clock clock,
      ConnectionGate gate,
      long requestTimeoutMs) {
    this.gate = gate;
    this.requestTimeoutMs = requestTimeoutMs;
    this.clock = clock;
    this.provider = provider;
    this.client = client;
    this.classifier = classifier;
    this.retry = retry;
    this.metrics = metrics;
  }

  public WebClient client() {
    return client;
  }

  /**
   * The same HTTP for one connection: behind that connection's gate, with its request timeout (the
   * {@code requestTimeout} its schema declares, see {@link
   * dev.switchboard.spi.Schema.Builder#requestTimeout}).
   */
  public ProviderHttp forConnection(ConnectionGate connectionGate, java.time.Duration timeout) {
    return new ProviderHttp(
        provider, client, classifier, retry, metrics, clock, connectionGate, timeout.toMillis());
  }

  /** The connection's request timeout, for a connector that must make its own HTTP client. */
  public long requestTimeoutMs() {
    return requestTimeoutMs;
  }

  /**
   * A request to an absolute URL with the connection's request timeout: no byte for that long fails
   * the attempt as {@code PROVIDER_TIMEOUT}. A call that needs another (a login whose late answer
   * must still be read) sets its own.
   */
  public HttpRequest<Buffer> request(HttpMethod method, String absoluteUrl) {
    return client.requestAbs(method, absoluteUrl).timeout(requestTimeoutMs);
  }

  /**
   * The same, for one command: it carries the command's trace context ({@code traceparent}, {@code
   * tracestate}), so the provider's side of the call joins the caller's trace. Every request made
   * for a command goes through here; logins, shared by many commands, go through {@link
   * #request(HttpMethod, String)}.
   */
  public HttpRequest<Buffer> request(HttpMethod method, String absoluteUrl, Invocation inv) {
    HttpRequest<Buffer> req = request(method, absoluteUrl);
    inv.trace().inject(req::putHeader);
    return req;
  }

  /**
   * The JSON of an answer's body, or {@code PROVIDER_BAD_RESPONSE} naming the call and the body's
   * size, never its content. An empty body is not JSON.
   *
   * @param retryable whether the body may have been cut short, so another attempt may read it
   */
  public JsonNode json(String call, Buffer body, boolean retryable) {
    try {
      return Json.parse(body == null ? new byte[0] : body.getBytes());
    } catch (IOException e) {
      throw ProviderCallException.badResponse(
          provider,
          call,
          "the answer is not JSON (" + (body == null ? 0 : body.length()) + " bytes)",
          retryable);
    }
  }

  /**
   * One provider call, cold: {@code send} runs on each subscription. A non-2xx answer or a
   * transport failure becomes a classified {@link ProviderCallException}.
   *
   * @param call short call name for metrics and messages, e.g. {@code GetSOs}
   */
  public Single<HttpResponse<Buffer>> exchange(
      String call, Supplier<Future<HttpResponse<Buffer>>> send) {
    return Single.defer(
        () -> {
          long start = System.nanoTime();
          return Rx.single(send)
              .onErrorResumeNext(
                  t -> {
                    record(call, "error", start);
                    Resolution r = classifier.ofTransport(t);
                    return Single.error(
                        new ProviderCallException(
                            r,
                            provider + " " + call + " failed: " + t.getClass().getSimpleName(),
                            null,
                            null,
                            t));
                  })
              .flatMap(
                  resp -> {
                    int status = resp.statusCode();
                    record(call, String.valueOf(status), start);
                    if (status >= 200 && status < 300) {
                      return Single.just(resp);
                    }
                    ErrorClassifier.ProviderError e = classifier.ofResponse(status, resp.body());
                    return Single.error(
                        new ProviderCallException(
                            e.resolution(),
                            provider
                                + " "
                                + call
                                + " answered HTTP "
                                + status
                                + (e.summary() == null ? "" : ": " + e.summary()),
                            e.detail(),
                            RetryAfter.parse(resp.getHeader("Retry-After"), clock.instant()),
                            null));
                  });
        });
  }

  /** Re-runs a streamed answer while it has emitted nothing, see {@link Retry#applyUntilFirst}. */
  public <T> io.reactivex.rxjava3.core.Flowable<T> retryingStream(
      io.reactivex.rxjava3.core.Flowable<T> call, Instant deadline) {
    return retry.applyUntilFirst(gate == null ? call : gate.guard(call), deadline);
  }

  /** Records one provider call made outside {@link #exchange} (e.g. a streamed SOAP answer). */
  public void observe(String call, String status, long startNanos) {
    record(call, status, startNanos);
  }

  /** Re-runs {@code call} on retryable failures, see {@link Retry#apply}. */
  public <T> Single<T> retrying(Single<T> call, boolean idempotent, Instant deadline) {
    return retry.apply(gate == null ? call : gate.guard(call), idempotent, deadline);
  }

  private void record(String call, String status, long startNanos) {
    metrics.observe(
        "switchboard_provider_call_seconds",
        "Provider call latency",
        (System.nanoTime() - startNanos) / 1e9,
        "provider",
        provider,
        "call",
        call,
        "status",
        status);
  }
}
