package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;

/**
 * Date windows of the {@code *By} queries: inclusive bounds, xs:dateTime compared as entity-local
 * (UTC).
 */
final class QueryDates {
  private static final String[] FOUR = {"FromDate", "ToDate", "FromCreationDate", "ToCreationDate"};

  private QueryDates() {}

  /**
   * The wiki marks FromDate, ToDate, FromCreationDate and ToCreationDate mandatory (§1.7); without
   * them XmlSerializer would bind 0001-01-01 and match nothing. The simulator says so instead:
   * Failure + {@code DATE_IS_OUT_OF_RANGE} (code CERTAIN to exist, its use here an ASSUMPTION).
   */
  static OpReply requireFour(XmlNode query) {
    if (query == null) return OpReply.failure("DATE_IS_OUT_OF_RANGE", "query is null.");
    for (String name : FOUR) {
      LocalDateTime d = RequestReader.date(query, name);
      if (d == null || d.equals(AccountsIqDates.MIN)) {
        return OpReply.failure(
            "DATE_IS_OUT_OF_RANGE",
            "FromDate, ToDate, FromCreationDate and ToCreationDate are mandatory; "
                + name
                + " is missing.");
      }
    }
    return null;
  }

  /** A bound that was omitted or left at XmlSerializer's default (0001-01-01) is open. */
  static LocalDateTime openIfDefault(LocalDateTime d) {
    return d == null || d.equals(AccountsIqDates.MIN) ? null : d;
  }

  static boolean within(LocalDateTime t, LocalDateTime from, LocalDateTime to) {
    if (t == null) return from == null && to == null;
    return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
  }
}
