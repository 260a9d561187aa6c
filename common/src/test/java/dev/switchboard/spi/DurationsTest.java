package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "20m, PT20M",
    "1h, PT1H",
    "2d, PT48H",
    "PT20M, PT20M",
    "PT1H30M, PT1H30M",
    "' 45s ', PT45S"
  })
  void parsesShortAndIsoForms(String text, String iso) {
    assertThat(Durations.tryParse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "",
        "20",
        "20 m",
        "m20",
        "1.5s",
        "30S",
        "-5s",
        "P",
        "PT-5S",
        "99999999999999999999s",
        "999999999999999999h"
      })
  void rejectsAnythingElse(String text) {
    assertThat(Durations.tryParse(text)).isNull();
  }
}
