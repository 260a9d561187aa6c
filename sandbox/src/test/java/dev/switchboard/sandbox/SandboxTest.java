package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  @Test
  void demoSandboxServesTheDemoTenantAndCloses() throws Exception {
    Sandbox sandbox = await(Sandbox.start(vertx, SandboxConfig.demo()));
    var iqr = sandbox.iqReseller();
    assertThat(iqr.port()).isPositive();
    assertThat(iqr.sessionUrl()).isEqualTo("http://127.0.0.1:" + iqr.port() + "/api/IntegrationAPI/Session");
    assertThat(iqr.baseUrl()).isEqualTo("http://127.0.0.1:" + iqr.port() + "/webapi.svc/");
    HttpResponse<String> login = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(iqr.sessionUrl()))
            .POST(HttpRequest.BodyPublishers.ofString("{\"APIToken\":\"" + SandboxConfig.DEMO_IQ_RESELLER_API_KEY + "\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(iqr.stats().sessionsCreated("acme")).isEqualTo(1);
    await(sandbox.close());
    try (ServerSocket s = new ServerSocket(iqr.port())) {
      assertThat(s.getLocalPort()).as("port released").isEqualTo(iqr.port());
    }
  }

  @Test
  void basePortPlacesIqResellerAtOffsetZero() throws Exception {
    int free;
    try (ServerSocket s = new ServerSocket(0)) {
      free = s.getLocalPort();
    }
    Sandbox sandbox = await(Sandbox.start(vertx, SandboxConfig.demo().withBasePort(free)));
    assertThat(sandbox.iqReseller().port()).isEqualTo(free + SandboxConfig.IQ_RESELLER_PORT_OFFSET);
    await(sandbox.close());
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
