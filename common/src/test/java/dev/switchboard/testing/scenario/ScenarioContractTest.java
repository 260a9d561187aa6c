package dev.switchboard.testing.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.testing.ConnectorContractTest;
import java.util.List;

/** The scenario connector, which every runtime IT runs on, keeps the connector contract too. */
class ScenarioContractTest extends ConnectorContractTest<ScenarioConnector.Connection> {
  private static final String TOKEN = "scenario-contract-token-3b8e";

  @Override
  protected ProviderConnector<ScenarioConnector.Connection> connector() {
    return new ScenarioConnector();
  }

  @Override
  protected ObjectNode validConnectionConfig(String baseUrl) {
    return Json.object().put("token", TOKEN).put("providerUrl", baseUrl + "/call");
  }

  @Override
  protected List<String> secretValues() {
    return List.of(TOKEN);
  }
}
