package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code GetTransactionsBy(query: WSGetTransactionsByQuery)} — Skip paging, at most {@link
 * AccountsIqSettings#transactionsPageCap()} (10,000, CERTAIN) rows per call and no Limit (§1.7) —
 * and {@code GetTransactionsByExternalReference(query: WSGetTransactionsByExternalReferenceQuery)},
 * the idempotency check of §1.6. Both answer {@code WSResult2OfArrayOfWSTransactionSummary}.
 */
final class TransactionQueries {
  private TransactionQueries() {}

  static OpReply getBy(OpCall call) {
    XmlNode q = call.request().child("query");
    OpReply missing = QueryDates.requireFour(q);
    if (missing != null) return missing;
    Filter f = filter(q);
    LocalDateTime from = RequestReader.date(q, "FromDate");
    LocalDateTime to = RequestReader.date(q, "ToDate");
    LocalDateTime periodFrom = RequestReader.date(q, "FromPeriodDate");
    LocalDateTime periodTo = RequestReader.date(q, "ToPeriodDate");
    LocalDateTime dueFrom = RequestReader.date(q, "FromDueDate");
    LocalDateTime dueTo = RequestReader.date(q, "ToDueDate");
    int skip = Math.max(0, RequestReader.intParam(q, "Skip"));
    var matching =
        LazyLists.filterMap(
            call.store()
                .transactions
                .ordered(
                    RequestReader.date(q, "FromCreationDate"),
                    RequestReader.date(q, "ToCreationDate"),
                    false),
            t ->
                f.test(t)
                    && QueryDates.within(t.dateTime("TransactionDate"), from, to)
                    && QueryDates.within(t.dateTime("PeriodDate"), periodFrom, periodTo)
                    && (dueFrom == null && dueTo == null
                        || QueryDates.within(t.dateTime("DueDate"), dueFrom, dueTo)),
            t -> t);
    return OpReply.success(
        new OpReply.Many(
            "WSTransactionSummary",
            LazyLists.page(matching, skip, call.settings().transactionsPageCap())));
  }

  /**
   * Exact ExternalReference match. FromDate/ToDate are {@code minOccurs=1} but a public Node client
   * omits them, so an omitted or default date is an open bound here (LIKELY).
   */
  static OpReply byExternalReference(OpCall call) {
    XmlNode q = call.request().child("query");
    String ref = q == null ? null : RequestReader.string(q, "ExternalReference");
    if (ref == null || ref.isEmpty()) {
      return OpReply.success(new OpReply.Many("WSTransactionSummary", Collections.emptyIterator()));
    }
    Filter f = filter(q);
    LocalDateTime from = QueryDates.openIfDefault(RequestReader.date(q, "FromDate"));
    LocalDateTime to = QueryDates.openIfDefault(RequestReader.date(q, "ToDate"));
    var found =
        LazyLists.filterMap(
            call.store().transactions.byReference(ref).iterator(),
            t -> f.test(t) && QueryDates.within(t.dateTime("TransactionDate"), from, to),
            t -> t);
    return OpReply.success(new OpReply.Many("WSTransactionSummary", found));
  }

  /** TypesFilter (SI, SR, ...), AccountIDsFilter, TransactionIDsFilter, DepartmentIDsFilter. */
  private record Filter(
      Set<String> types, Set<Integer> accounts, Set<Integer> ids, Set<String> departments) {
    boolean test(AccountsIqRecord t) {
      if (!types.isEmpty() && !types.contains(t.get("TransactionType"))) return false;
      if (!accounts.isEmpty() && !accounts.contains(t.integer("AccountID"))) return false;
      if (!ids.isEmpty() && !ids.contains(t.integer("TransactionID"))) return false;
      if (departments.isEmpty()) return true;
      for (AccountsIqRecord d : t.items())
        if (departments.contains(d.get("DepartmentID"))) return true;
      return false;
    }
  }

  private static Filter filter(XmlNode q) {
    return new Filter(
        InvoiceQueries.upper(RequestReader.strings(q, "TypesFilter")),
        new HashSet<>(RequestReader.ints(q, "AccountIDsFilter")),
        new HashSet<>(RequestReader.ints(q, "TransactionIDsFilter")),
        new HashSet<>(RequestReader.strings(q, "DepartmentIDsFilter")));
  }
}
