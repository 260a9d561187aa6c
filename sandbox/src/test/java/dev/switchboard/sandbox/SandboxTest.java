package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.accengage.AccengageConfig;
import dev.switchboard.sandbox.accengage.AccengageSimulator;
import dev.switchboard.sandbox.iqreseller.IqResellerConfig;
import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a whole: it starts what {@link java.util.ServiceLoader} finds, and knows no
 * provider.
 */
class SandboxTest {
  /** Whatever else is on the class path, these three are. */
  private static final List<String> KNOWN = List.of("iqreseller", "accengage", "accountsiq");

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  @Test
  void demoSandboxStartsEverySimulatorFoundOnItsOwnPortWithDemoConnectionsAndClosesThem()
      throws Exception {
    Sandbox sandbox = await(Sandbox.start(vertx, SandboxConfig.demo()));
    List<String> ids = Sandbox.available().stream().map(ProviderSimulator::id).toList();
    assertThat(ids).containsAll(KNOWN);
    assertThat(sandbox.entries()).extracting(Sandbox.Entry::id).containsExactlyElementsOf(ids);
    List<Integer> ports = sandbox.entries().stream().map(e -> e.simulator().port()).toList();
    assertThat(ports).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isPositive());
    assertThat(sandbox.demoConnections())
        .containsOnlyKeys(ids)
        .allSatisfy((id, connections) -> assertThat(connections).isNotEmpty());
    assertThat(sandbox.demoConnections().get("accountsiq")).containsOnlyKeys("ledger", "legacy");
    HttpClient http = HttpClient.newHttpClient();
    for (Sandbox.Entry e : sandbox.entries()) {
      assertThat(e.demoConnections())
          .as(e.id() + " demo connections point at it")
          .allSatisfy(c -> assertThat(c.config().toString()).contains(e.simulator().origin()));
      HttpResponse<String> stats =
          http.send(
              HttpRequest.newBuilder(URI.create(e.simulator().controlUrl() + "stats")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(stats.statusCode()).as(e.id() + " stats").isEqualTo(200);
      assertThat(stats.body()).startsWith("{");
    }
    assertThat(
            sandbox.simulator(IqResellerSimulator.class).hasTenant(IqResellerConfig.DEMO_API_KEY))
        .isTrue();
    assertThat(sandbox.simulator(AccengageSimulator.class).hasTenant(AccengageConfig.DEMO_EMAIL))
        .isTrue();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SandboxMain.describe(sandbox, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(
            "iqreseller: ",
            "accountsiq: ",
            "listening on http://127.0.0.1:" + ports.get(0),
            "connection acme (",
            IqResellerConfig.DEMO_API_KEY);

    await(sandbox.close());
    for (int port : ports) {
      try (ServerSocket s = new ServerSocket(port)) {
        assertThat(s.getLocalPort()).as("port released").isEqualTo(port);
      }
    }
  }

  @Test
  void basePortPlacesEachSimulatorAtItsOffset() {
    List<ProviderSimulator<?, ?>> found = Sandbox.available();
    assertThat(found).extracting(ProviderSimulator::portOffset).doesNotHaveDuplicates().isSorted();
    int free = freePorts(found.get(found.size() - 1).portOffset() + 1);
    Sandbox sandbox = await(Sandbox.start(vertx, SandboxConfig.demo().withBasePort(free)));
    for (int i = 0; i < found.size(); i++) {
      assertThat(sandbox.entries().get(i).simulator().port())
          .isEqualTo(free + found.get(i).portOffset());
    }
    assertThat(sandbox.simulator(IqResellerSimulator.class).port()).isEqualTo(free);
    assertThat(sandbox.simulator(AccengageSimulator.class).port()).isEqualTo(free + 1);
    await(sandbox.close());
  }

  @Test
  void onlyStartsTheNamedSimulatorsWithTheConfigurationGiven() {
    Sandbox sandbox =
        await(
            Sandbox.start(
                vertx, SandboxConfig.defaults().only("iqreseller").with(IqResellerConfig.demo())));
    assertThat(sandbox.entries()).extracting(Sandbox.Entry::id).containsExactly("iqreseller");
    assertThat(
            sandbox.simulator(IqResellerSimulator.class).hasTenant(IqResellerConfig.DEMO_API_KEY))
        .isTrue();
    assertThatThrownBy(() -> sandbox.simulator(AccengageSimulator.class))
        .isInstanceOf(IllegalArgumentException.class);
    await(sandbox.close());

    Sandbox plain = await(Sandbox.start(vertx, SandboxConfig.defaults().only("accengage")));
    assertThat(plain.simulator(AccengageSimulator.class).hasTenant(AccengageConfig.DEMO_EMAIL))
        .isFalse();
    await(plain.close());

    Future<Sandbox> unknown = Sandbox.start(vertx, SandboxConfig.defaults().only("nosuchprovider"));
    assertThat(unknown.failed()).isTrue();
    assertThat(unknown.cause())
        .hasMessageContaining("nosuchprovider")
        .hasMessageContaining("iqreseller");
  }

  /** A port p such that p .. p + n - 1 are all free now. */
  private static int freePorts(int n) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<ServerSocket> held = new ArrayList<>();
      try {
        ServerSocket first = new ServerSocket(0);
        held.add(first);
        for (int i = 1; i < n; i++) held.add(new ServerSocket(first.getLocalPort() + i));
        return first.getLocalPort();
      } catch (java.io.IOException busy) {
        // try another
      } finally {
        for (ServerSocket s : held) {
          try {
            s.close();
          } catch (java.io.IOException ignored) {
            // closing a probe
          }
        }
      }
    }
    throw new AssertionError("no " + n + " consecutive free ports");
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
