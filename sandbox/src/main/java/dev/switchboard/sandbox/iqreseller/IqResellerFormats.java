package dev.switchboard.sandbox.iqreseller;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The IQ Reseller value quirks, CERTAIN from the captured GetSOs response (provider-apis.md §2.3).
 */
final class IqResellerFormats {
  /** US date-time as .NET's {@code M/d/yyyy h:mm:ss tt}: {@code 3/18/2020 3:52:42 PM}. */
  static final DateTimeFormatter US_DATE_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

  /** The "null" date: the provider never sends JSON null for a date. */
  static final LocalDateTime NULL_DATE = LocalDateTime.of(1900, 1, 1, 0, 0);

  private IqResellerFormats() {}

  static String date(LocalDateTime t) {
    return US_DATE_TIME.format(t == null ? NULL_DATE : t);
  }

  /** Fixed-width CHAR column: right-padded with spaces ({@code "Open "}, {@code "AP "}). */
  static String pad(String s, int width) {
    if (s.length() >= width) return s.substring(0, width);
    StringBuilder b = new StringBuilder(width).append(s);
    while (b.length() < width) b.append(' ');
    return b.toString();
  }

  /** Whole cents to the 4-decimal money unit the sinks write (ten-thousandths). */
  static long cents(long cents) {
    return cents * 100;
  }
}
