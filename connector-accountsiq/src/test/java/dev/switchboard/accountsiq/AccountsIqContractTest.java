package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.testing.ConnectorContractTest;
import java.util.List;

/** The connector contract (common's test-jar), for AccountsIQ with a 1.1 login. */
class AccountsIqContractTest extends ConnectorContractTest<AccountsIqClient> {
  private static final String PARTNER_KEY = "contract-aiq-partner-key-60b1";
  private static final String USER_KEY = "contract-aiq-user-key-2fd7";

  @Override
  protected ProviderConnector<AccountsIqClient> connector() {
    return new AccountsIqConnector();
  }

  @Override
  protected ObjectNode validConnectionConfig(String baseUrl) {
    ObjectNode config =
        Json.object()
            .put("endpoint", baseUrl + "/system/dashboard/integration/integration_1_1.asmx")
            .put("requestTimeout", "2s");
    config
        .putObject("auth")
        .put("kind", "login")
        .put("companyId", "CONTRACT")
        .put("partnerKey", PARTNER_KEY)
        .put("userKey", USER_KEY);
    return config;
  }

  @Override
  protected List<String> secretValues() {
    return List.of(PARTNER_KEY, USER_KEY);
  }
}
