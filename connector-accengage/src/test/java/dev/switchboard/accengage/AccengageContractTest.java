package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.testing.ConnectorContractTest;
import java.util.List;

/** The connector contract (common's test-jar), for Accengage. */
class AccengageContractTest extends ConnectorContractTest<AccengageClient> {
  private static final String API_KEY = "contract-accengage-key-9e41f7";

  @Override
  protected ProviderConnector<AccengageClient> connector() {
    return new AccengageConnector();
  }

  @Override
  protected ObjectNode validConnectionConfig(String baseUrl) {
    return Json.object()
        .put("baseUrl", baseUrl)
        .put("email", "contract@shop.example")
        .put("apiKey", API_KEY)
        .put("partnerId", "12345678")
        .put("requestTimeout", "2s");
  }

  @Override
  protected List<String> secretValues() {
    return List.of(API_KEY);
  }
}
