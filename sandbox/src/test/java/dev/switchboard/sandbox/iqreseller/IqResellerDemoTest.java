package dev.switchboard.sandbox.iqreseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sandbox.DemoConnection;
import dev.switchboard.sandbox.SimulatorEnv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The plug-in's demo: tenant {@code acme}, reachable with the connection it offers. */
class IqResellerDemoTest extends SimulatorFixture {

  @Test
  void theDemoConnectionLogsInToTheDemoTenant() throws Exception {
    IqResellerProviderSimulator plugin = new IqResellerProviderSimulator();
    sim =
        await(
            plugin.start(
                vertx, new SimulatorEnv("127.0.0.1", 0, Clock.systemUTC()), plugin.demoConfig()));
    assertThat(sim.sessionUrl())
        .isEqualTo("http://127.0.0.1:" + sim.port() + "/api/IntegrationAPI/Session");
    assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port() + "/webapi.svc/");
    DemoConnection acme = plugin.demoConnections(sim).get(0);
    ObjectNode config = acme.config();
    assertThat(acme.name()).isEqualTo("acme");
    assertThat(config.get("sessionUrl").asText()).isEqualTo(sim.sessionUrl());
    assertThat(config.get("baseUrl").asText()).isEqualTo(sim.baseUrl());
    HttpResponse<String> login =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(config.get("sessionUrl").asText()))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"APIToken\":\"" + config.get("apiKey").asText() + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(sim.stats().sessionsCreated("acme")).isEqualTo(1);
  }
}
