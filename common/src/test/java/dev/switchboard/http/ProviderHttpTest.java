package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.ErrorClassifier;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.retry.Retry;
import dev.switchboard.retry.RetryPolicy;
import dev.switchboard.spi.Invocation;
import dev.switchboard.trace.CommandTrace;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection's request timeout and the JSON reading that every connector shares. */
class ProviderHttpTest {
  private static Vertx vertx;
  private static HttpServer server;
  private static ProviderHttp http;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  if (req.path().equals("/json")) {
                    req.response().end("{\"a\":1}");
                  } else if (req.path().equals("/echo-trace")) {
                    req.response()
                        .end(req.getHeader("traceparent") + " " + req.getHeader("tracestate"));
                  } // "/silent" never answers: only the request timeout can end the call
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    Retry once =
        new Retry(
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)),
            Schedulers.single(),
            Clock.systemUTC(),
            e -> {});
    http =
        new ProviderHttp(
                "p",
                WebClient.create(vertx),
                ErrorClassifier.HTTP_DEFAULT,
                once,
                new Metrics(),
                Clock.systemUTC())
            .forConnection(null, Duration.ofMillis(300));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  @Test
  void aRequestForACommandCarriesItsTraceContext() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    headers.add("tracestate", "a=1".getBytes(StandardCharsets.UTF_8));
    Command cmd = new Command("id", "op", "c", Json.object(), null, null);
    Invocation traced = new Invocation(cmd, Json.object(), CommandTrace.carried(headers));

    assertThat(echo(http.request(HttpMethod.GET, url("/echo-trace"), traced)))
        .isEqualTo(traceparent + " a=1");
    assertThat(
            echo(
                http.request(
                    HttpMethod.GET, url("/echo-trace"), new Invocation(cmd, Json.object()))))
        .isEqualTo("null null");
    assertThat(echo(http.request(HttpMethod.GET, url("/echo-trace"))))
        .as("a request for no command (a login)")
        .isEqualTo("null null");
  }

  private static String echo(io.vertx.ext.web.client.HttpRequest<Buffer> req) {
    return http.exchange("Echo", req::send)
        .timeout(30, TimeUnit.SECONDS)
        .blockingGet()
        .bodyAsString();
  }

  @Test
  void everyRequestCarriesTheConnectionsTimeout() {
    assertThat(http.requestTimeoutMs()).isEqualTo(300);
    assertThatThrownBy(
            () ->
                http.exchange("Silent", () -> http.request(HttpMethod.GET, url("/silent")).send())
                    .timeout(30, TimeUnit.SECONDS)
                    .blockingGet())
        .isInstanceOfSatisfying(
            ProviderCallException.class,
            e -> {
              assertThat(e.code()).isEqualTo("PROVIDER_TIMEOUT");
              assertThat(e.retryable()).isTrue();
            });
    assertThat(
            http.exchange("Json", () -> http.request(HttpMethod.GET, url("/json")).send())
                .map(r -> http.json("Json", r.body(), false))
                .blockingGet()
                .path("a")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotJsonIsABadResponseNamingTheCallNeverQuotingTheBody() {
    assertThatThrownBy(() -> http.json("GetSOs", Buffer.buffer("<html>secret-ish</html>"), true))
        .isInstanceOfSatisfying(
            ProviderCallException.class,
            e -> {
              assertThat(e.code()).isEqualTo("PROVIDER_BAD_RESPONSE");
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage())
                  .isEqualTo("p GetSOs: the answer is not JSON (23 bytes)")
                  .doesNotContain("secret");
            });
    assertThatThrownBy(() -> http.json("GetSOs", Buffer.buffer(), false))
        .isInstanceOfSatisfying(
            ProviderCallException.class,
            e -> {
              assertThat(e.code()).isEqualTo("PROVIDER_BAD_RESPONSE");
              assertThat(e.retryable()).isFalse();
            });
  }
}
