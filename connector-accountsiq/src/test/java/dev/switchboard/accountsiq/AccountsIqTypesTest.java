package dev.switchboard.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountsIqTypesTest {
  @Test
  void numberedItemPricesAreExactDecimalsAndOtherNamesStayText() {
    for (int i = 0; i <= 9; i++) {
      assertThat(AccountsIqTypes.value("ItemPrice" + i, "12.5000").decimalValue().toPlainString())
          .isEqualTo("12.5000");
    }
    for (String name : new String[] {"ItemPrice10", "ItemPriceX", "XItemPrice1", "ItemPrices"}) {
      assertThat(AccountsIqTypes.value(name, "12.5000").isTextual()).as(name).isTrue();
    }
    assertThat(AccountsIqTypes.value("ItemPrice\u0663", "1").isTextual())
        .as("an Arabic-Indic digit, which \\d does not match either")
        .isTrue();
    assertThat(AccountsIqTypes.value("ItemPrice", "12.5000").isBigDecimal()).as("named").isTrue();
    assertThat(AccountsIqTypes.value("ItemPrice1", "n/a").asText()).isEqualTo("n/a");
    assertThat(AccountsIqTypes.value("AccountID", " 42 ").asLong()).isEqualTo(42);
    assertThat(AccountsIqTypes.value("Code", "00123").asText()).isEqualTo("00123");
  }
}
