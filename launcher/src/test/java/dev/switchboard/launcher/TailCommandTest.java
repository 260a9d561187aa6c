package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tail} checks, like {@code send}, before it waits; and no broker is 69 for every client.
 */
class TailCommandTest {
  @Test
  void anUnknownProviderNamesTheKnownOnes() {
    CliRun r = CliRun.of("tail", "iqresellr", "--bootstrap", CliRun.NO_BROKER);

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("unknown provider 'iqresellr'", "iqreseller", "accengage");
  }

  @Test
  void anUnknownFormatListsTheFormats() {
    CliRun r = CliRun.of("tail", "iqreseller", "--format", "xml");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("text, json");
  }

  @Test
  void maxMessagesMustBePositive() {
    CliRun r =
        CliRun.of("tail", "iqreseller", "--max-messages", "0", "--bootstrap", CliRun.NO_BROKER);

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--max-messages must be at least 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tail", "replay"})
  @Timeout(60)
  void noBrokerIsOneLineNamingTheAddress(String command) {
    CliRun r =
        command.equals("tail")
            ? CliRun.of("tail", "iqreseller", "--bootstrap", CliRun.NO_BROKER)
            : CliRun.of(
                "replay",
                "--provider",
                "iqreseller",
                "--from-offset",
                "0",
                "--bootstrap",
                CliRun.NO_BROKER);

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("cannot connect to Kafka at 127.0.0.1:1");
  }
}
