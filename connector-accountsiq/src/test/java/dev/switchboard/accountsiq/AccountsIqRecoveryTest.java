package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.spi.Invocation;
import org.junit.jupiter.api.Test;

/**
 * Which AccountsIQ writes can tell, after a crash, whether they were applied: the creates made once
 * by external reference look the record up; the others cannot, and end in doubt.
 */
class AccountsIqRecoveryTest {
  private final AccountsIqConnector connector = new AccountsIqConnector();

  private boolean recoverable(String operation) {
    Invocation inv =
        new Invocation(
            new Command("c1", operation, "ledger", Json.object(), null, null), Json.object());
    return connector.operations().get(operation).recover(inv, null).isPresent();
  }

  @Test
  void createsMadeOnceByExternalReferenceLookThemselvesUp() {
    assertThat(recoverable("invoices.create")).isTrue();
    assertThat(recoverable("batchSalesInvoices.create")).isTrue();
    assertThat(recoverable("salesReceipts.create")).isTrue();
  }

  @Test
  void savesCannotTellAndAreLeftInDoubt() {
    assertThat(recoverable("customers.save")).isFalse();
    assertThat(recoverable("suppliers.save")).isFalse();
  }
}
