package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The platform's id rule, checked before sending (an id it refuses only reaches the DLQ). */
class CommandIdsTest {
  @Test
  void printableAsciiUpTo200IsUsable() {
    assertThat(CommandIds.problem("order-42_retry.1")).isNull();
    assertThat(CommandIds.problem("x".repeat(200))).isNull();
  }

  @Test
  void blankLongControlSpaceAndNonAsciiAreNot() {
    assertThat(CommandIds.problem("")).isEqualTo("it is blank");
    assertThat(CommandIds.problem("   ")).isEqualTo("it is blank");
    assertThat(CommandIds.problem("x".repeat(201))).contains("201 characters");
    assertThat(CommandIds.problem("a\nb")).contains("character 2 is U+000A");
    assertThat(CommandIds.problem("a b")).contains("U+0020");
    assertThat(CommandIds.problem("café")).contains("U+00E9");
    assertThatThrownBy(() -> CommandIds.check("a\tb"))
        .isInstanceOf(CliException.class)
        .hasMessageStartingWith("invalid command id: ");
  }
}
