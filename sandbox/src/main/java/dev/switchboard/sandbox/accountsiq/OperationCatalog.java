package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.AccountOperations.CUSTOMERS;
import static dev.switchboard.sandbox.accountsiq.AccountOperations.SUPPLIERS;
import static dev.switchboard.sandbox.accountsiq.SoapOperation.Access.CREDENTIALS;
import static dev.switchboard.sandbox.accountsiq.SoapOperation.Access.READ;
import static dev.switchboard.sandbox.accountsiq.SoapOperation.Access.TOKEN;
import static dev.switchboard.sandbox.accountsiq.SoapOperation.Access.WRITE;
import static dev.switchboard.sandbox.accountsiq.SoapOperation.BOTH;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every simulated operation with its endpoints, access and result type (names and types CERTAIN:
 * Postman collections and the 2.0 WSDL, §1.2/§1.6). The 1.1 and 2.0 operation sets are identical
 * except Login (1.1) and TokenGet/TokenRefresh/GetEntitiesByToken (2.0).
 */
final class OperationCatalog {
  private final Map<String, SoapOperation> byName = new LinkedHashMap<>();

  OperationCatalog(AuthOperations auth) {
    add("Login", Set.of(ApiVersion.V1_1), CREDENTIALS, OpShape.LOGIN, auth::login);
    add("TokenGet", Set.of(ApiVersion.V2_0), CREDENTIALS, OpShape.TOKENS, auth::tokenGet);
    add("TokenRefresh", Set.of(ApiVersion.V2_0), CREDENTIALS, OpShape.TOKENS, auth::tokenRefresh);
    add(
        "GetEntitiesByToken",
        Set.of(ApiVersion.V2_0),
        TOKEN,
        OpShape.OPTIONAL,
        auth::entitiesByToken);
    for (AccountOperations.Ledger l : new AccountOperations.Ledger[] {CUSTOMERS, SUPPLIERS}) {
      add(l.listOp(), BOTH, READ, OpShape.OPTIONAL, c -> AccountOperations.list(c, l, false));
      add(l.activeListOp(), BOTH, READ, OpShape.OPTIONAL, c -> AccountOperations.list(c, l, true));
      add(l.getOp(), BOTH, READ, OpShape.OPTIONAL, c -> AccountOperations.get(c, l));
      add(l.getByOp(), BOTH, READ, OpShape.OPTIONAL, c -> AccountOperations.getBy(c, l));
      add(l.newOp(), BOTH, READ, OpShape.OPTIONAL, c -> AccountOperations.newFromDefaults(c, l));
      add(l.updateOp(), BOTH, WRITE, OpShape.BOOLEAN, c -> AccountWrites.update(c, l, false));
      add(
          l.updateGetBackOp(),
          BOTH,
          WRITE,
          OpShape.OPTIONAL,
          c -> AccountWrites.update(c, l, true));
    }
    add("GetChartOfAccounts", BOTH, READ, OpShape.OPTIONAL, CatalogOperations::chartOfAccounts);
    add(
        "GetStockItemList",
        BOTH,
        READ,
        OpShape.OPTIONAL,
        c -> CatalogOperations.stockItems(c, false));
    add(
        "GetActiveStockItemList",
        BOTH,
        READ,
        OpShape.OPTIONAL,
        c -> CatalogOperations.stockItems(c, true));
    add("GetStockItem", BOTH, READ, OpShape.OPTIONAL, CatalogOperations::stockItem);
    add("GetNewSalesInvoice", BOTH, READ, OpShape.OPTIONAL, InvoiceOperations::newSalesInvoice);
    add("GetInvoice", BOTH, READ, OpShape.OPTIONAL, InvoiceOperations::get);
    add(
        "SaveInvoiceGetBackInvoiceID",
        BOTH,
        WRITE,
        OpShape.statusWith("invoiceID"),
        InvoiceOperations::save);
    add(
        "PostInvoiceGetBackTransactionID",
        BOTH,
        WRITE,
        OpShape.statusWith("transactionID"),
        InvoiceOperations::post);
    add("GetInvoicesBy", BOTH, READ, OpShape.OPTIONAL, InvoiceQueries::getBy);
    add(
        "GetInvoicesByExternalReference",
        BOTH,
        READ,
        OpShape.OPTIONAL,
        InvoiceQueries::byExternalReference);
    add("GetTransactionsBy", BOTH, READ, OpShape.OPTIONAL, TransactionQueries::getBy);
    add(
        "GetTransactionsByExternalReference",
        BOTH,
        READ,
        OpShape.OPTIONAL,
        TransactionQueries::byExternalReference);
    add(
        "CreateBatchSalesInvoiceGetBackTransactionID",
        BOTH,
        WRITE,
        OpShape.optionalWith("transactionID"),
        PostingOperations::batchSalesInvoice);
    add(
        "SaveSalesReceiptGetBackTransactionID",
        BOTH,
        WRITE,
        OpShape.statusWith("transactionID"),
        PostingOperations::salesReceipt);
  }

  /** The operation {@code name} served on {@code version}, or null. */
  SoapOperation find(ApiVersion version, String name) {
    SoapOperation op = byName.get(name);
    return op != null && op.versions().contains(version) ? op : null;
  }

  Collection<SoapOperation> all() {
    return byName.values();
  }

  private void add(
      String name,
      Set<ApiVersion> versions,
      SoapOperation.Access access,
      OpShape shape,
      SoapOperation.Handler handler) {
    byName.put(name, new SoapOperation(name, versions, access, shape, handler));
  }
}
