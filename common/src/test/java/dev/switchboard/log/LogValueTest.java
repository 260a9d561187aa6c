package dev.switchboard.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No value from a command can end a log line or pose as another field. */
class LogValueTest {

  @Test
  void plainValuesAreWrittenAsTheyAre() {
    assertThat(LogValue.of("salesOrders.list")).isEqualTo("salesOrders.list");
    assertThat(LogValue.of("3774d0cd-6f6d-4824-b53d-e7c4c50df4cc"))
        .isEqualTo("3774d0cd-6f6d-4824-b53d-e7c4c50df4cc");
    assertThat(LogValue.of(null)).isEqualTo("null");
  }

  @Test
  void aLineBreakCannotStartAForgedLine() {
    String forged = LogValue.of("x\nevent=command.completed provider=iqreseller\r\u2028y");
    assertThat(forged)
        .doesNotContain("\n", "\r", "\u2028")
        .isEqualTo("\"x\\nevent=command.completed provider=iqreseller\\r\\u2028y\"");
  }

  @Test
  void spacesEqualsAndQuotesCannotPoseAsAnotherField() {
    assertThat(LogValue.of("a code=OK")).isEqualTo("\"a code=OK\"");
    assertThat(LogValue.of("a\" b=\\")).isEqualTo("\"a\\\" b=\\\\\"");
    assertThat(LogValue.of("")).isEqualTo("\"\"");
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreEscaped() {
    assertThat(LogValue.of("a\u0000b\u001bc\u0085")).isEqualTo("\"a\\u0000b\\u001bc\\u0085\"");
    assertThat(LogValue.of("x\ud800")).isEqualTo("\"x\\ud800\"");
    assertThat(LogValue.of("caf\u00e9 \ud83d\ude00")).isEqualTo("\"caf\u00e9 \ud83d\ude00\"");
  }
}
