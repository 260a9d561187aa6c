package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What run refuses before it starts anything. */
class RunCommandTest {
  @Test
  void anUnknownLogFormatIsAUsageErrorNamingTheChoices() {
    CliRun r = CliRun.of("run", "--log-format", "xml");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--log-format").contains("text or json");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }
}
