package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.testing.RuntimeHarness;
import dev.switchboard.testing.TopicReader;
import dev.switchboard.testing.scenario.ScenarioConnector;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime as a good citizen toward a provider that is down or throttling, over real HTTP: a
 * bounded number of calls during an outage whatever the queue, other connections unaffected, a
 * {@code Retry-After} waited in full, a deadline shorter than it failing at once.
 */
class ProviderResilienceIT {
  private final Vertx vertx = Vertx.vertx();

  /** A provider whose answer the test sets: 200, 503, or 429 with a Retry-After once. */
  private static final class Provider {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<String> mode = new AtomicReference<>("up");
    HttpServer server;

    String url() {
      return "http://127.0.0.1:" + server.actualPort() + "/thing";
    }
  }

  private Provider provider() throws Exception {
    Provider p = new Provider();
    p.server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  p.calls.incrementAndGet();
                  String mode = p.mode.get();
                  if (mode.equals("down")) {
                    req.response().setStatusCode(503).end();
                  } else if (mode.startsWith("throttle:")) {
                    p.mode.set("up");
                    req.response()
                        .setStatusCode(429)
                        .putHeader("Retry-After", mode.substring(9))
                        .end();
                  } else {
                    req.response().end("{}");
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return p;
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aProviderDownFor20SecondsGetsABoundedNumberOfCallsAndOthersCarryOn() throws Exception {
    Provider down = provider();
    Provider healthy = provider();
    down.mode.set("down");
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                RuntimeHarness.freshSettings().withPartitions(1),
                ScenarioConnector.ID,
                Map.of(
                    "down", Json.object().put("providerUrl", down.url()),
                    "healthy", Json.object().put("providerUrl", healthy.url())));
        TopicReader results = platform.results()) {
      List<String> queued = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        queued.add(platform.send(RuntimeHarness.command("call", "down", null)));
      }
      List<String> others = new ArrayList<>();
      for (int i = 0; i < 10; i++) { // the same partition, another connection
        others.add(platform.send(RuntimeHarness.command("call", "healthy", null)));
      }
      results.untilTerminal(others, Duration.ofSeconds(15)); // answered during the outage
      results.settle(Duration.ofSeconds(18));
      int duringOutage = down.calls.get();
      down.mode.set("up");
      Instant up = Instant.now();
      results.untilTerminal(queued, Duration.ofSeconds(60));
      long recoverMs = Duration.between(up, Instant.now()).toMillis();

      long completed =
          queued.stream()
              .filter(id -> results.terminals(id).get(0).path("type").asText().equals("completed"))
              .count();
      System.out.printf(
          "PROVIDER-OUTAGE queued=%d callsDuringOutage=%d completedAfter=%d " + "recoverMs=%d%n",
          queued.size(), duringOutage, completed, recoverMs);
      // The first wave (up to maxInFlightPerConnection calls, 32, in flight before any failure
      // came back), then one probe per 5 s open window: bounded, whatever the queue. Before
      // the breaker: five per command, 500.
      assertThat(duringOutage)
          .as("calls the down provider received in 20 s")
          .isLessThanOrEqualTo(32 + 8);
      assertThat(others)
          .allSatisfy(
              id ->
                  assertThat(results.terminals(id).get(0).path("type").asText())
                      .isEqualTo("completed"));
      assertThat(completed).as("waited for the probe, then answered").isGreaterThanOrEqualTo(90);
      queued.stream()
          .map(id -> results.terminals(id).get(0))
          .filter(t -> t.path("type").asText().equals("failed"))
          .forEach(t -> assertThat(t.path("error").path("retryable").asBoolean()).isTrue());
    }
  }

  @Test
  void aRetryAfterIsWaitedInFullAndAShorterDeadlineFailsAtOnce() throws Exception {
    Provider throttling = provider();
    throttling.mode.set("throttle:40");
    try (RuntimeHarness platform =
            RuntimeHarness.start(
                RuntimeHarness.freshSettings(),
                ScenarioConnector.ID,
                Map.of("c1", Json.object().put("providerUrl", throttling.url())));
        TopicReader results = platform.results()) {
      Instant sent = Instant.now();
      String patient = platform.send(RuntimeHarness.command("call", "c1", null));
      results.until(r -> throttling.calls.get() >= 1, Duration.ofSeconds(30));
      ObjectNode hurried = RuntimeHarness.command("call", "c1", null);
      hurried.put("deadline", Instant.now().plusSeconds(10).toString());
      String hurriedId = platform.send(hurried);

      results.untilTerminal(List.of(hurriedId), Duration.ofSeconds(5)); // at once, not in 10 s
      JsonNode failed = results.terminals(hurriedId).get(0);
      assertThat(failed.path("error").path("category").asText()).isEqualTo("RATE_LIMITED");
      assertThat(failed.path("error").path("retryAfterMs").asLong()).isGreaterThan(30_000);

      results.untilTerminal(List.of(patient), Duration.ofSeconds(60));
      long waited = Duration.between(sent, Instant.now()).toSeconds();
      System.out.printf(
          "RETRY-AFTER asked=40s answeredAfter=%ds calls=%d%n", waited, throttling.calls.get());
      assertThat(results.terminals(patient).get(0).path("type").asText()).isEqualTo("completed");
      assertThat(waited).as("the full Retry-After, never cut short").isGreaterThanOrEqualTo(40);
      assertThat(throttling.calls.get()).isEqualTo(2); // the 429, then the answer: no early re-send
    }
  }
}
