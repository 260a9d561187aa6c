package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import dev.switchboard.sandbox.accountsiq.AccountsIqConfig;
import java.util.Map;

/** The demo a newcomer gets from {@code run} with no configuration: sandbox providers and one connection each. */
final class DemoConnections {
  private DemoConnections() {}

  static SandboxConfig sandboxConfig() {
    return SandboxConfig.demo();
  }

  static Map<String, Map<String, ObjectNode>> of(Sandbox sandbox) {
    ObjectNode acme = Json.object().put("apiKey", SandboxConfig.DEMO_IQ_RESELLER_API_KEY)
        .put("sessionUrl", sandbox.iqReseller().sessionUrl())
        .put("baseUrl", sandbox.iqReseller().baseUrl());
    ObjectNode shop = Json.object().put("baseUrl", sandbox.accengage().baseUrl())
        .put("email", SandboxConfig.DEMO_ACCENGAGE_EMAIL)
        .put("apiKey", SandboxConfig.DEMO_ACCENGAGE_API_KEY)
        .put("partnerId", SandboxConfig.DEMO_ACCENGAGE_PARTNER_ID);
    var aiq = sandbox.accountsIq();
    ObjectNode ledger = Json.object().put("endpoint", aiq.endpoint20());
    ledger.putObject("auth").put("kind", "app").put("entity", AccountsIqConfig.DEMO_COMPANY_ID)
        .put("clientId", AccountsIqConfig.DEMO_CLIENT_ID)
        .put("clientSecret", AccountsIqConfig.DEMO_CLIENT_SECRET);
    ObjectNode legacy = Json.object().put("endpoint", aiq.endpoint11());
    legacy.putObject("auth").put("kind", "login").put("companyId", AccountsIqConfig.DEMO_COMPANY_ID)
        .put("partnerKey", AccountsIqConfig.DEMO_PARTNER_KEY)
        .put("userKey", AccountsIqConfig.DEMO_USER_KEY);
    return Map.of("iqreseller", Map.of("acme", acme), "accengage", Map.of("shop", shop),
        "accountsiq", Map.of("ledger", ledger, "legacy", legacy));
  }
}
