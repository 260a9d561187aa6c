package dev.switchboard.sandbox.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sandbox.DemoConnection;
import dev.switchboard.sandbox.SimulatorEnv;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The plug-in's demo: user {@code demo@shop.example} and its app, reachable with the connection it
 * offers.
 */
class AccengageDemoTest extends AccengageFixture {

  @Test
  void theDemoConnectionSignsInAsTheDemoUserOfTheDemoApp() {
    AccengageProviderSimulator plugin = new AccengageProviderSimulator();
    sim =
        await(
            plugin.start(
                vertx, new SimulatorEnv("127.0.0.1", 0, Clock.systemUTC()), plugin.demoConfig()));
    assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
    DemoConnection shop = plugin.demoConnections(sim).get(0);
    ObjectNode config = shop.config();
    assertThat(config.get("baseUrl").asText()).isEqualTo(sim.baseUrl());
    assertThat(config.get("partnerId").asText()).isEqualTo(AccengageConfig.DEMO_PARTNER_ID);
    assertThat(plugin.demoConfig().users().get(AccengageConfig.DEMO_EMAIL).partnerIds())
        .containsExactly(AccengageConfig.DEMO_PARTNER_ID);
    AccengageHttp demo =
        new AccengageHttp(
            sim, config.get("email").asText(), config.get("apiKey").asText(), Clock.systemUTC());
    HttpResponse<String> login = demo.login();
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(sim.stats().tokensIssued(AccengageConfig.DEMO_EMAIL)).isEqualTo(1);
  }
}
