package dev.switchboard.sandbox.accountsiq;

import java.util.List;
import java.util.Optional;

/**
 * Read-only access to one entity's stored data, for tests that must prove a write was applied —
 * exactly once — e.g. after a {@code dropConnectionAfterWrite}: {@code
 * sim.data("DEMO01").invoiceIdsByExternalReference("ORDER-42")} has size 1. Generated and stored
 * records alike are visible; counts of "created" records exclude the generated ones.
 */
public final class AccountsIqEntityView {
  private final EntityStore store;

  AccountsIqEntityView(EntityStore store) {
    this.store = store;
  }

  public String entityId() {
    return store.entity.id();
  }

  /** Invoices created by {@code SaveInvoiceGetBackInvoiceID} since start. */
  public int createdInvoiceCount() {
    return store.invoices.createdCount();
  }

  /** Ids of the invoices whose ExternalReference is exactly {@code ref}. */
  public List<Integer> invoiceIdsByExternalReference(String ref) {
    return store.invoices.byReference(ref).stream().map(r -> r.integer("InvoiceID")).toList();
  }

  /** {@code Processed}, {@code Posted} or {@code Cancelled}; empty if there is no such invoice. */
  public Optional<String> invoiceStatus(int invoiceId) {
    return Optional.ofNullable(store.invoices.get(invoiceId)).map(r -> r.get("Status"));
  }

  /** Transactions created since start (posted invoices, batch invoices, receipts). */
  public int createdTransactionCount() {
    return store.transactions.createdCount();
  }

  /**
   * Ids of the transactions whose ExternalReference (a receipt's CheckReference) is exactly {@code
   * ref}.
   */
  public List<Integer> transactionIdsByExternalReference(String ref) {
    return store.transactions.byReference(ref).stream()
        .map(r -> r.integer("TransactionID"))
        .toList();
  }

  /** Type code (SI, SR, ...) of a transaction; empty if there is none. */
  public Optional<String> transactionType(int transactionId) {
    return Optional.ofNullable(store.transactions.get(transactionId))
        .map(r -> r.get("TransactionType"));
  }

  /** Customers created by UpdateCustomer(create=true) since start. */
  public int createdCustomerCount() {
    return store.customers.createdCount();
  }

  public int createdSupplierCount() {
    return store.suppliers.createdCount();
  }

  /** The customer's Name (generated within the entity's size, or stored); empty if unknown. */
  public Optional<String> customerName(String code) {
    return Optional.ofNullable(store.customers.find(code, store.entity.customers()))
        .map(e -> e.record().get("Name"));
  }
}
