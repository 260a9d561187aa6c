package dev.switchboard.launcher;

import dev.switchboard.spi.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --timeout} values: {@code 500ms}, {@code 30s}, {@code 20m}, {@code 1h}, ISO-8601 {@code
 * PT20M}, or a bare number of seconds (what users of other tools type first).
 */
final class DurationConverter implements ITypeConverter<Duration> {
  static final String FORMATS = "500ms, 30s, 20m, 1h, PT20M or a number of seconds";

  @Override
  public Duration convert(String text) {
    String t = text.trim();
    Duration d = Durations.tryParse(t.matches("\\d+") ? t + "s" : t);
    if (d == null) {
      throw new TypeConversionException("'" + text + "' is not a duration; use " + FORMATS);
    }
    return d;
  }
}
