package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
  void demoSandboxServesTheDemoAccengageUserAndClosesItToo() throws Exception {
    Sandbox sandbox = await(Sandbox.start(vertx, SandboxConfig.demo()));
    var acc = sandbox.accengage();
    assertThat(acc.baseUrl()).isEqualTo("http://127.0.0.1:" + acc.port());
    assertThat(acc.port()).isNotEqualTo(sandbox.iqReseller().port());
    String body = "{\"email\":\"" + SandboxConfig.DEMO_ACCENGAGE_EMAIL + "\"}";
    String time = String.valueOf(System.currentTimeMillis() / 1000);
    String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
        .digest((body + SandboxConfig.DEMO_ACCENGAGE_API_KEY + time).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> login = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(acc.baseUrl() + "/v1/access_token"))
            .header("Content-Type", "application/json").header("Accengage-Time", time)
            .header("Accengage-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(acc.stats().tokensIssued(SandboxConfig.DEMO_ACCENGAGE_EMAIL)).isEqualTo(1);
    assertThat(SandboxConfig.demo().accengage().users().get(SandboxConfig.DEMO_ACCENGAGE_EMAIL).partnerIds())
        .containsExactly(SandboxConfig.DEMO_ACCENGAGE_PARTNER_ID);
    await(sandbox.close());
    try (ServerSocket s = new ServerSocket(acc.port())) {
      assertThat(s.getLocalPort()).as("port released").isEqualTo(acc.port());
    }
  }

  @Test
  void basePortPlacesIqResellerAtOffsetZeroAndAccengageAtOne() throws Exception {
    int free = twoFreePorts();
    Sandbox sandbox = await(Sandbox.start(vertx, SandboxConfig.demo().withBasePort(free)));
    assertThat(sandbox.iqReseller().port()).isEqualTo(free + SandboxConfig.IQ_RESELLER_PORT_OFFSET);
    assertThat(sandbox.accengage().port()).isEqualTo(free + SandboxConfig.ACCENGAGE_PORT_OFFSET);
    await(sandbox.close());
  }

  /** A port p such that p and p + 1 are both free now. */
  private static int twoFreePorts() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(a.getLocalPort() + 1)) {
        if (b.isBound()) return a.getLocalPort();
      } catch (java.io.IOException busy) {
        // try another
      }
    }
    throw new AssertionError("no two consecutive free ports");
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
