package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountsIqSoap.el;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Generated data is a pure function of (seed, index): same config, same bytes; another seed, other
 * data.
 */
class AccountsIqDeterminismTest extends SimulatorFixture {
  private static final String QUERY =
      "<query>"
          + el("FromDate", "2020-01-01T00:00:00")
          + el("ToDate", "2030-01-01T00:00:00")
          + el("FromCreationDate", "2020-01-01T00:00:00")
          + el("ToCreationDate", "2030-01-01T00:00:00")
          + el("Skip", 400)
          + el("Limit", 50)
          + "</query>";

  @Test
  void twoRunsServeIdenticalBytes() {
    String[] first = snapshot(config(AccountsIqSettings.defaults()));
    await(sim.close());
    String[] second = snapshot(config(AccountsIqSettings.defaults()));
    assertThat(second).containsExactly(first);
    await(sim.close());
    String[] reseeded =
        snapshot(
            config(AccountsIqSettings.defaults())
                .withEntity(AccountsIqEntity.of(COMPANY, 99).withSizes(120, 30, 40, 2_500, 3_000)));
    for (int i = 0; i < first.length; i++) assertThat(reseeded[i]).isNotEqualTo(first[i]);
  }

  private String[] snapshot(AccountsIqConfig config) {
    start(config);
    String token = token11();
    return new String[] {
      soap.call11("GetCustomerList", token, "").body(),
      soap.call11("GetInvoicesBy", token, QUERY).body(),
      soap.call11("GetTransactionsBy", token, QUERY).body(),
      soap.call11("GetStockItemList", token, "").body(),
    };
  }
}
