package dev.switchboard.sandbox.accountsiq;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One entity's ledgers: generated starting data plus everything writes stored (customers,
 * suppliers, invoices, transactions — receipts are {@code SR} transactions). Shared by every tenant
 * that reaches the entity, so a write through 1.1 is visible through 2.0.
 */
final class EntityStore {
  /** First AccountID given to a created customer or supplier. */
  static final long FIRST_CREATED_ACCOUNT_ID = 5_000_001;

  final AccountsIqEntity entity;
  final AccountBook customers;
  final AccountBook suppliers;
  final StockItems stock;
  final DocumentBook invoices;
  final DocumentBook transactions;
  private final AtomicLong nextAccountId = new AtomicLong(FIRST_CREATED_ACCOUNT_ID);
  private final AtomicLong nextInvoiceId;
  private final AtomicLong nextTransactionId;
  private final AtomicLong nextRowVersion = new AtomicLong(2);

  EntityStore(AccountsIqEntity e) {
    this.entity = e;
    AccountGenerator c = new AccountGenerator(e.seed(), true);
    AccountGenerator s = new AccountGenerator(e.seed(), false);
    this.customers = new AccountBook(c);
    this.suppliers = new AccountBook(s);
    this.stock = new StockItems(e.seed(), e.stockItems());
    this.invoices =
        new DocumentBook(DocumentSource.of(new InvoiceGenerator(e, c, stock)), "InvoiceID");
    this.transactions =
        new DocumentBook(DocumentSource.of(new TransactionGenerator(e, c, s)), "TransactionID");
    this.nextInvoiceId = new AtomicLong(InvoiceGenerator.FIRST_ID + e.invoices());
    this.nextTransactionId = new AtomicLong(TransactionGenerator.FIRST_ID + e.transactions());
  }

  long newAccountId() {
    return nextAccountId.getAndIncrement();
  }

  long newInvoiceId() {
    return nextInvoiceId.getAndIncrement();
  }

  long newTransactionId() {
    return nextTransactionId.getAndIncrement();
  }

  /** A fresh RowVersionNumber for a stored write. */
  String newRowVersion(int stream) {
    return AccountsIqSeeds.rowVersion(
        entity.seed(), stream, nextRowVersion.get(), nextRowVersion.getAndIncrement());
  }

  AccountBook ledger(boolean customerLedger) {
    return customerLedger ? customers : suppliers;
  }
}
