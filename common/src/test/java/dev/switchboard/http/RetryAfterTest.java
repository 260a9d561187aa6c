package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private static String httpDate(Instant i) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(i.atZone(ZoneOffset.UTC));
  }

  @Test
  void deltaSeconds() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void futureHttpDateIsTheTimeUntilIt() {
    assertThat(httpDate(NOW.plusSeconds(90))).isEqualTo("Tue, 10 Mar 2026 12:01:30 GMT");
    assertThat(RetryAfter.parse("Tue, 10 Mar 2026 12:01:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void pastHttpDateIsZero() {
    assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(3600)), NOW)).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "soon", "-5", "1.5", "10000000000", "2026-03-10T12:01:30Z"})
  void unreadableIsNull(String value) {
    assertThat(RetryAfter.parse(value, NOW)).isNull();
  }
}
