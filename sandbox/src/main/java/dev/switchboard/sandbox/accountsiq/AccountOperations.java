package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads of customers or suppliers (§1.6 #3–5, #8, #9): {@code Get*List} and {@code GetActive*List}
 * with no paging and no filters — the whole ledger, streamed, so 100,000 customers never sit in
 * memory — {@code GetCustomer(customerCode)}, {@code GetCustomersBy(query{Emails,
 * FromLastModifiedDateInUTC})} and {@code GetNew*FromDefaults}.
 */
final class AccountOperations {
  /**
   * Names that differ between the two ledgers: record element, parameters, not-found code, and the
   * operations (note {@code UpdateCustomerGetbackCustomerCode} vs {@code
   * UpdateSupplierGetBackSupplierCode}: the vendor's casing differs, CERTAIN).
   */
  record Ledger(
      boolean customers,
      String element,
      String codeParam,
      String recordParam,
      String notFoundCode,
      String listOp,
      String activeListOp,
      String getOp,
      String getByOp,
      String newOp,
      String updateOp,
      String updateGetBackOp) {}

  static final Ledger CUSTOMERS =
      new Ledger(
          true,
          "Customer",
          "customerCode",
          "customer",
          "CUSTOMER_CODE_DOES_NOT_EXIST",
          "GetCustomerList",
          "GetActiveCustomerList",
          "GetCustomer",
          "GetCustomersBy",
          "GetNewCustomerFromDefaults",
          "UpdateCustomer",
          "UpdateCustomerGetbackCustomerCode");
  static final Ledger SUPPLIERS =
      new Ledger(
          false,
          "Supplier",
          "supplierCode",
          "supplier",
          "SUPPLIER_CODE_DOES_NOT_EXIST",
          "GetSupplierList",
          "GetActiveSupplierList",
          "GetSupplier",
          "GetSuppliersBy",
          "GetNewSupplierFromDefaults",
          "UpdateSupplier",
          "UpdateSupplierGetBackSupplierCode");

  private AccountOperations() {}

  static long count(OpCall call, Ledger l) {
    return l.customers() ? call.customerCount() : call.store().entity.suppliers();
  }

  static OpReply list(OpCall call, Ledger l, boolean activeOnly) {
    AccountBook book = call.store().ledger(l.customers());
    return OpReply.success(
        new OpReply.Many(
            l.element(),
            LazyLists.filterMap(
                book.all(count(call, l)),
                e -> !activeOnly || e.record().bool("IsActive"),
                AccountBook.Entry::record)));
  }

  /**
   * Unknown code: Failure + {@code *_CODE_DOES_NOT_EXIST}, no Result (codes CERTAIN, pairing
   * ASSUMPTION).
   */
  static OpReply get(OpCall call, Ledger l) {
    String code = RequestReader.string(call.request(), l.codeParam());
    AccountBook.Entry e = call.store().ledger(l.customers()).find(code, count(call, l));
    if (e == null)
      return OpReply.failure(
          l.notFoundCode(), l.element() + " code '" + code + "' does not exist.");
    return OpReply.success(new OpReply.One(e.record()));
  }

  /**
   * Incremental sync: Emails (any of, case-insensitive) and/or modified at or after
   * FromLastModifiedDateInUTC.
   */
  static OpReply getBy(OpCall call, Ledger l) {
    XmlNode q = call.request().child("query");
    Set<String> emails =
        q == null
            ? Set.of()
            : RequestReader.strings(q, "Emails").stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    LocalDateTime from = q == null ? null : RequestReader.date(q, "FromLastModifiedDateInUTC");
    AccountBook book = call.store().ledger(l.customers());
    return OpReply.success(
        new OpReply.Many(
            l.element(),
            LazyLists.filterMap(
                book.all(count(call, l)),
                e -> {
                  String email = e.record().get("Email");
                  boolean emailOk =
                      emails.isEmpty()
                          || (email != null && emails.contains(email.toLowerCase(Locale.ROOT)));
                  return emailOk && (from == null || !e.lastModified().isBefore(from));
                },
                AccountBook.Entry::record)));
  }

  /** An unsaved account with the entity's defaults; the caller sets Code and Name, then saves. */
  static OpReply newFromDefaults(OpCall call, Ledger l) {
    return OpReply.success(new OpReply.One(defaults(call, l)));
  }

  static AccountsIqRecord defaults(OpCall call, Ledger l) {
    return new AccountsIqRecord(WsdlTypes.ACCOUNT)
        .set("AccountID", 0)
        .set("LedgerType", l.customers() ? "Sales" : "Purchases")
        .set("DefaultTaxCode", "STD")
        .set("CreditTermID", "30")
        .set("CurrencyCode", call.store().entity.baseCurrency())
        .set("CreationDate", call.now())
        .set("DiscountRate", "0.00")
        .set("UseAccountTaxCode", false)
        .set("DefaultGLAccountCode", l.customers() ? "4000" : "5000")
        .set("ControlGLAccountCode", l.customers() ? "1100" : "2100")
        .set("IsActive", true)
        .set("Hold", "0")
        .set("UseHeadOffice", false)
        .set("IsHeadOffice", false)
        .set("CreditLimit", "0.00")
        .set("IsFranchise", false);
  }
}
