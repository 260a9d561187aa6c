package dev.switchboard.sandbox.accengage;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Query parameters of the v1 routes (url-encoded for GET, seed doc). */
final class QueryParams {
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private QueryParams() {}

  /** {@code page}: 1 when absent; any integer is accepted (out of range gives an empty set). */
  static long page(MultiMap query) throws FormatProblems {
    String raw = query.get("page");
    if (raw == null) return 1;
    if (!INTEGER.matcher(raw.trim()).matches())
      throw FormatProblems.of("Malformed parameter `page`: expected an integer");
    return Long.parseLong(raw.trim());
  }

  /** {@code lastOpen=YYYY-MM-DD} (CERTAIN format, from the public client), or null when absent. */
  static LocalDate lastOpen(MultiMap query) throws FormatProblems {
    String raw = query.get("lastOpen");
    if (raw == null) return null;
    try {
      if (DAY.matcher(raw).matches()) return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      // falls through
    }
    throw FormatProblems.of("Malformed parameter `lastOpen`: expected YYYY-MM-DD");
  }
}
