package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.testing.ConnectorContractTest;
import java.util.List;

/** The connector contract (common's test-jar), for IQ Reseller. */
class IqResellerContractTest extends ConnectorContractTest<IqResellerClient> {
  private static final String API_KEY = "contract-iqr-key-51d0c2";

  @Override
  protected ProviderConnector<IqResellerClient> connector() {
    return new IqResellerConnector();
  }

  @Override
  protected ObjectNode validConnectionConfig(String baseUrl) {
    return Json.object()
        .put("apiKey", API_KEY)
        .put("sessionUrl", baseUrl + "/api/IntegrationAPI/Session")
        .put("baseUrl", baseUrl + "/webapi.svc/")
        .put("requestTimeout", "2s");
  }

  @Override
  protected List<String> secretValues() {
    return List.of(API_KEY);
  }
}
