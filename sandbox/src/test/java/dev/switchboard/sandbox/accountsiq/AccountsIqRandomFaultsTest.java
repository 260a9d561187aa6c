package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * {@code randomFaults}: {@code soap:Server} faults, in-band throttling on 2.0 (1.1 has no rate
 * limit), timeouts, and writes applied whose answer is lost.
 */
class AccountsIqRandomFaultsTest extends SimulatorFixture {
  private static final String HEADER = "x-sandbox-scenario";
  private static final String CUSTOMER = el("customerCode", "C000001");

  @Test
  void eachKindOnTheWire() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    String access = access20();
    HttpResponse<String> fault =
        soap.call11(
            "GetCustomer", token, CUSTOMER, HEADER, "{\"randomFaults\":{\"serverErrors\":1}}");
    assertThat(fault.statusCode()).isEqualTo(500);
    assertThat(fault.body()).contains("<faultcode>soap:Server</faultcode>");
    HttpResponse<String> limited =
        soap.call20(
            "GetCustomer",
            COMPANY,
            access,
            CUSTOMER,
            HEADER,
            "{\"randomFaults\":{\"rateLimits\":1}}");
    assertThat(limited.statusCode()).isEqualTo(200);
    Element result = AccountsIqSoap.result(limited, "GetCustomer");
    assertThat(AccountsIqSoap.text(result, "Status")).isEqualTo("Failure");
    assertThat(AccountsIqSoap.text(result, "ErrorCode"))
        .isEqualTo("OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED");
    HttpResponse<String> unlimited =
        soap.call11(
            "GetCustomer", token, CUSTOMER, HEADER, "{\"randomFaults\":{\"rateLimits\":1}}");
    assertThat(AccountsIqSoap.text(AccountsIqSoap.result(unlimited, "GetCustomer"), "Status"))
        .as("1.1: \"There is no rate limit.\"")
        .isEqualTo("Success");
    assertThatThrownBy(
            () ->
                soap.call11(
                    "GetCustomer",
                    token,
                    CUSTOMER,
                    HEADER,
                    "{\"randomFaults\":{\"timeouts\":1,\"timeoutHoldMs\":200}}"))
        .hasCauseInstanceOf(IOException.class);
    assertThat(
            soap.login(
                    COMPANY,
                    PARTNER_KEY,
                    USER_KEY,
                    HEADER,
                    "{\"randomFaults\":{\"serverErrors\":1}}")
                .statusCode())
        .as("logins draw too")
        .isEqualTo(500);
    var s = sim.stats();
    assertThat(s.faults(FaultDice.SERVER_ERROR)).isEqualTo(2);
    assertThat(s.faults(FaultDice.RATE_LIMIT)).isEqualTo(1);
    assertThat(s.faults(FaultDice.TIMEOUT)).isEqualTo(1);
  }

  @Test
  void tokensAreStillCheckedFirst() {
    start(AccountsIqSettings.defaults());
    sim.setScenario(
        COMPANY,
        AccountsIqScenario.none()
            .withRandomFaults(RandomFaults.of(1, 1, 0, 0, 0).withAuthCalls(false)));
    String token = token11();
    HttpResponse<String> expired = soap.call11("GetCustomer", "no-such-token", CUSTOMER);
    assertThat(AccountsIqSoap.text(AccountsIqSoap.result(expired, "GetCustomer"), "HasExpired"))
        .isEqualTo("true");
    assertThat(soap.call11("GetCustomer", token, CUSTOMER).statusCode()).isEqualTo(500);
  }

  @Test
  void aLostAnswerIsAppliedOnceAndAReSendIsCounted() {
    start(AccountsIqSettings.defaults());
    String token = token11();
    sim.setScenario(
        COMPANY, AccountsIqScenario.none().withRandomFaults(RandomFaults.of(1, 0, 0, 0, 1)));
    String receipt = AccountsIqPostingTest.receipt("C000001", "CHK-RANDOM", "1200");
    assertThatThrownBy(() -> soap.call11("SaveSalesReceiptGetBackTransactionID", token, receipt))
        .hasCauseInstanceOf(IOException.class);
    assertThat(sim.data(COMPANY).transactionIdsByExternalReference("CHK-RANDOM"))
        .as("applied")
        .hasSize(1);
    var lost = sim.stats();
    assertThat(lost.writeAnswersLost()).isEqualTo(1);
    assertThat(lost.faults(FaultDice.LOST_ANSWER)).isEqualTo(1);
    assertThat(lost.connectionsDropped()).isEqualTo(1);
    assertThat(lost.lostWriteKeys())
        .containsExactly("SaveSalesReceiptGetBackTransactionID CheckReference CHK-RANDOM");
    sim.setScenario(COMPANY, AccountsIqScenario.none());
    soap.call11("SaveSalesReceiptGetBackTransactionID", token, receipt); // a blind re-send
    var s = sim.stats();
    assertThat(s.writesResentAfterLostAnswer()).isEqualTo(1);
    assertThat(s.duplicateWrites())
        .isEqualTo(s.writesApplied("SaveSalesReceiptGetBackTransactionID") - 1);
  }

  @Test
  void aSeededRunGivesTheFractionsWithinWideBounds() {
    start(AccountsIqSettings.defaults());
    String access = access20();
    sim.setScenario(
        CLIENT_ID,
        AccountsIqScenario.none()
            .withRandomFaults(
                RandomFaults.of(7, 0.10, 0.05, 0.03, 0.05)
                    .withTimeoutHoldMs(0)
                    .withAuthCalls(false)));
    int n = 400;
    int created = 0;
    for (int i = 0; i < n; i++) {
      String receipt = AccountsIqPostingTest.receipt("C000001", "CHK-" + i, "1200");
      try {
        HttpResponse<String> r =
            soap.call20("SaveSalesReceiptGetBackTransactionID", COMPANY, access, receipt);
        String status =
            r.statusCode() == 200
                ? AccountsIqSoap.text(
                    AccountsIqSoap.result(r, "SaveSalesReceiptGetBackTransactionID"), "Status")
                : null;
        if ("Success".equals(status) || "Created".equals(status)) created++;
      } catch (AssertionError e) {
        if (!(e.getCause() instanceof IOException)) throw e;
      }
    }
    var s = sim.stats();
    assertThat(s.calls("SaveSalesReceiptGetBackTransactionID")).isEqualTo(n);
    assertThat(s.faults(FaultDice.SERVER_ERROR)).isBetween(n * 5L / 100, n * 15L / 100);
    assertThat(s.faults(FaultDice.RATE_LIMIT)).isBetween(n * 2L / 100, n * 9L / 100);
    assertThat(s.faults(FaultDice.TIMEOUT)).isBetween(n / 100L, n * 7L / 100);
    long applied = s.writesApplied("SaveSalesReceiptGetBackTransactionID");
    assertThat(s.faults(FaultDice.LOST_ANSWER)).isBetween(applied / 100, applied * 10 / 100);
    assertThat(applied).isEqualTo(created + s.writeAnswersLost());
    assertThat(s.duplicateWrites()).isZero();
    assertThat(s.writesResentAfterLostAnswer()).isZero();
  }
}
