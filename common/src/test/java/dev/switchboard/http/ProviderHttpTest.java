package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.ErrorClassifier;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.retry.Retry;
import dev.switchboard.retry.RetryPolicy;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
