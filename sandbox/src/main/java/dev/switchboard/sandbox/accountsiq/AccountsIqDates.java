package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * xs:dateTime handling. Entity-local times are UTC in the simulator. Stored values are canonical
 * ({@code 2024-01-15T10:00:00} plus up to 7 fraction digits, no zone); how they go on the wire is
 * {@link AccountsIqSettings#dateTimes()} / {@link AccountsIqSettings#fractionalSeconds()}. Input
 * may carry {@code Z} or an offset (converted to UTC) or none (LIKELY ASMX behaviour, §1.8).
 */
final class AccountsIqDates {
  static final LocalDateTime MIN = LocalDateTime.of(1, 1, 1, 0, 0);
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ZONED = Pattern.compile(".*(Z|[+-]\\d{2}:\\d{2})$");

  private AccountsIqDates() {}

  /**
   * @throws IllegalArgumentException if {@code raw} is not an xs:dateTime (or xs:date)
   */
  static LocalDateTime parse(String raw) {
    String t = raw.trim();
    try {
      if (DATE_ONLY.matcher(t).matches()) return LocalDate.parse(t).atStartOfDay();
      if (ZONED.matcher(t).matches()) {
        return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return LocalDateTime.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(raw, e);
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss} plus up to 7 fraction digits (trailing zeros dropped, as .NET
   * does).
   */
  static String canonical(LocalDateTime t) {
    StringBuilder b = new StringBuilder(27);
    b.append(pad(t.getYear(), 4))
        .append('-')
        .append(pad(t.getMonthValue(), 2))
        .append('-')
        .append(pad(t.getDayOfMonth(), 2))
        .append('T')
        .append(pad(t.getHour(), 2))
        .append(':')
        .append(pad(t.getMinute(), 2))
        .append(':')
        .append(pad(t.getSecond(), 2));
    int ticks = t.getNano() / 100;
    if (ticks != 0) {
      String f = pad(ticks, 7);
      int end = f.length();
      while (f.charAt(end - 1) == '0') end--;
      b.append('.').append(f, 0, end);
    }
    return b.toString();
  }

  /** The wire form of a canonical stored value under the current settings. */
  static String wire(String canonical, AccountsIqSettings s) {
    String v = canonical;
    if (!s.fractionalSeconds()) {
      int dot = v.indexOf('.');
      if (dot > 0) v = v.substring(0, dot);
    }
    return s.dateTimes() == AccountsIqSettings.DateTimes.UTC_Z ? v + "Z" : v;
  }

  static LocalDateTime fromCanonical(String canonical) {
    return LocalDateTime.parse(canonical);
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
