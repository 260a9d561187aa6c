package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GetInvoicesBy(query: WSGetInvoicesByQuery)} — Skip/Limit paging, at most {@link
 * AccountsIqSettings#invoicesPageCap()} (1,000, CERTAIN) rows per call, ordered by creation date
 * then id, no total and no continuation token (§1.7) — and {@code
 * GetInvoicesByExternalReference(externalReference)} (2.0 WSDL; a public Node client uses it to
 * find an invoice before creating it twice).
 */
final class InvoiceQueries {
  private InvoiceQueries() {}

  static OpReply getBy(OpCall call) {
    XmlNode q = call.request().child("query");
    OpReply missing = QueryDates.requireFour(q);
    if (missing != null) return missing;
    LocalDateTime from = RequestReader.date(q, "FromDate");
    LocalDateTime to = RequestReader.date(q, "ToDate");
    String orderBy = RequestReader.string(q, "OrderBy");
    if (orderBy != null && !orderBy.isBlank() && !orderBy.trim().equalsIgnoreCase("creationdate")) {
      return OpReply.failure("UNKNOWN", "OrderBy supports only 'creationdate'.");
    }
    Set<String> types = upper(RequestReader.strings(q, "TypesFilter"));
    Set<Integer> accounts = new HashSet<>(RequestReader.ints(q, "AccountIDsFilter"));
    Set<String> departments = new HashSet<>(RequestReader.strings(q, "DepartmentIDsFilter"));
    Set<Integer> ids = new HashSet<>(RequestReader.ints(q, "InvoiceIDsFilter"));
    Set<String> numbers = new HashSet<>(RequestReader.strings(q, "InvoiceNumbersFilter"));
    String status = SoapRequest.trimToNull(RequestReader.string(q, "Status"));
    LocalDateTime modifiedFrom = RequestReader.date(q, "FromLastModifiedDateInUTC");
    boolean reverse = Boolean.TRUE.equals(RequestReader.optionalBool(q, "ReverseOrderBy"));
    int skip = Math.max(0, RequestReader.intParam(q, "Skip"));
    Integer limit = RequestReader.optionalInt(q, "Limit");
    int cap = call.settings().invoicesPageCap();
    int take = limit == null || limit <= 0 ? cap : Math.min(limit, cap);
    var matching =
        LazyLists.filterMap(
            call.store()
                .invoices
                .ordered(
                    RequestReader.date(q, "FromCreationDate"),
                    RequestReader.date(q, "ToCreationDate"),
                    reverse),
            inv ->
                QueryDates.within(inv.dateTime("InvoiceDate"), from, to)
                    && (types.isEmpty() || types.contains(typeCode(inv)))
                    && (accounts.isEmpty() || accounts.contains(inv.integer("AccountID")))
                    && (departments.isEmpty() || departments.contains(inv.get("DepartmentID")))
                    && (ids.isEmpty() || ids.contains(inv.integer("InvoiceID")))
                    && (numbers.isEmpty() || numbers.contains(inv.get("InvoiceNumber")))
                    && (status == null || status.equalsIgnoreCase(inv.get("Status")))
                    && (modifiedFrom == null
                        || (inv.get("LastModifiedUTC") != null
                            && !inv.dateTime("LastModifiedUTC").isBefore(modifiedFrom))),
            inv -> inv);
    return OpReply.success(new OpReply.Many("Invoice", LazyLists.page(matching, skip, take)));
  }

  /**
   * A null or empty reference: Failure + {@code INVOICE_EXTERNAL_REFERENCE_IS_NULL} (ASSUMPTION).
   */
  static OpReply byExternalReference(OpCall call) {
    String ref = RequestReader.string(call.request(), "externalReference");
    if (ref == null || ref.isEmpty()) {
      return OpReply.failure(
          "INVOICE_EXTERNAL_REFERENCE_IS_NULL", "externalReference is null or empty.");
    }
    List<AccountsIqRecord> found = call.store().invoices.byReference(ref);
    return OpReply.success(new OpReply.Many("Invoice", found.iterator()));
  }

  /** SI, SN, PI or PN (§1.7 TypesFilter values). */
  static String typeCode(AccountsIqRecord inv) {
    return ("Purchases".equals(inv.get("Ledger")) ? "P" : "S")
        + ("Note".equals(inv.get("Type")) ? "N" : "I");
  }

  static Set<String> upper(List<String> values) {
    Set<String> out = new HashSet<>();
    for (String v : values) out.add(v.trim().toUpperCase(Locale.ROOT));
    return out;
  }
}
