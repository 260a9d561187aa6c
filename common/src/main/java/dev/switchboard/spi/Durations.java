package dev.switchboard.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code 500ms}, {@code 30s}, {@code 20m}, {@code 1h} and ISO-8601 {@code PT20M}. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /** Returns the duration, or null when the text is not a non-negative duration that fits. */
  public static Duration tryParse(String text) {
    Matcher m = SHORT.matcher(text.trim());
    try {
      Duration d;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
      } else {
        d = Duration.parse(text.trim());
      }
      d.toMillis(); // refuses what does not fit in the millisecond timers it feeds
      return d.isNegative() ? null : d;
    } catch (DateTimeParseException | ArithmeticException e) {
      return null; // NumberFormatException is an IllegalArgumentException below
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
