package dev.switchboard.sandbox.accountsiq;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code UpdateCustomer(customer, create)} → {@code WSResult2OfBoolean}, {@code
 * UpdateCustomerGetbackCustomerCode} (lowercase "b", sic) → {@code WSResult2OfString}, and the
 * supplier twins ({@code UpdateSupplierGetBackSupplierCode}, capital "B"). Rules (§1.6, §1.10.6):
 * Code mandatory and UPPERCASE (the system does not generate codes), Name mandatory; unknown code
 * with {@code create=false} → {@code NotCreated}; an update must carry the stored RowVersionNumber,
 * else {@code Conflicted} + {@code OUTDATED_RECORD} (LIKELY pairing).
 */
final class AccountWrites {
  private AccountWrites() {}

  static OpReply update(OpCall call, AccountOperations.Ledger l, boolean returnCode) {
    AccountsIqRecord in =
        RequestReader.record(call.request().child(l.recordParam()), WsdlTypes.ACCOUNT);
    boolean create = RequestReader.boolParam(call.request(), "create");
    String code = in == null ? null : in.get("Code");
    if (code == null || code.isBlank())
      return fail(returnCode, "ACCOUNT_CODE_IS_NULL", "Code is mandatory.");
    if (!code.equals(code.toUpperCase(Locale.ROOT))) {
      return fail(returnCode, "ACCOUNT_CODE_MUST_BE_UPPER_CASE", "Code must be upper case.");
    }
    if (in.get("Name") == null || in.get("Name").isBlank()) {
      return fail(returnCode, "ACCOUNT_NAME_IS_EMPTY", "Name is mandatory.");
    }
    AccountBook book = call.store().ledger(l.customers());
    AccountBook.Entry existing = book.find(code, AccountOperations.count(call, l));
    int stream = l.customers() ? AccountsIqSeeds.CUSTOMERS : AccountsIqSeeds.SUPPLIERS;
    if (existing == null) {
      if (call.store().ledger(!l.customers()).find(code, otherCount(call, l)) != null) {
        // ASSUMPTION: Customer and Supplier share the Account table, so a code is unique across
        // both.
        return fail(
            returnCode,
            "ACCOUNT_CODE_ALREADY_IN_USE",
            "Code " + code + " is used by another account.");
      }
      if (!create) {
        return OpReply.of(
            "NotCreated",
            l.notFoundCode(),
            l.element() + " '" + code + "' does not exist and create is false.",
            result(returnCode, false, null));
      }
      in.set("AccountID", call.store().newAccountId())
          .set("LedgerType", l.customers() ? "Sales" : "Purchases")
          .set("CreationDate", call.now())
          .set("RowVersionNumber", call.store().newRowVersion(stream));
      book.put(in, call.now(), true);
      return OpReply.created(result(returnCode, true, code));
    }
    AccountsIqRecord stored = existing.record();
    if (call.settings().requireRowVersionOnUpdate()
        && !Objects.equals(in.get("RowVersionNumber"), stored.get("RowVersionNumber"))) {
      return OpReply.of(
          "Conflicted",
          "OUTDATED_RECORD",
          "A more recent version of " + code + " is already stored.",
          result(returnCode, false, null));
    }
    in.set("AccountID", stored.get("AccountID"))
        .set("LedgerType", stored.get("LedgerType"))
        .set("CreationDate", stored.get("CreationDate"))
        .set("RowVersionNumber", call.store().newRowVersion(stream));
    book.put(in, call.now(), false);
    return OpReply.success(result(returnCode, true, code)).applied();
  }

  private static long otherCount(OpCall call, AccountOperations.Ledger l) {
    return l.customers() ? call.store().entity.suppliers() : call.customerCount();
  }

  private static OpReply fail(boolean returnCode, String errorCode, String message) {
    return OpReply.of("Failure", errorCode, message, result(returnCode, false, null));
  }

  /**
   * WSResult2OfBoolean always has Result (minOccurs=1); WSResult2OfString has the code on success.
   */
  private static OpReply.Body result(boolean returnCode, boolean ok, String code) {
    if (returnCode) return code == null ? null : new OpReply.Text(code);
    return new OpReply.Text(Boolean.toString(ok));
  }
}
