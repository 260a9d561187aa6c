package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test
  void acceptsUnitsIsoAndBareSeconds() {
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("20m")).isEqualTo(Duration.ofMinutes(20));
    assertThat(converter.convert("PT20M")).isEqualTo(Duration.ofMinutes(20));
    assertThat(converter.convert("30")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert(" 45 ")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void refusesTheRestNamingTheFormats() {
    for (String bad : new String[] {"soon", "-5", "30 s", "1.5s", "", "99999999999999999999"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class)
          .hasMessageContainingAll("500ms", "30s", "20m", "PT20M", "seconds");
    }
  }
}
