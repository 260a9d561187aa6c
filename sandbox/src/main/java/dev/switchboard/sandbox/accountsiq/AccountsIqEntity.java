package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.Records;
import java.util.Objects;

/**
 * One AccountsIQ entity (a company's ledgers), reachable by a 1.1 Login for its companyID and by
 * any 2.0 app granted it. Its starting data is generated on demand: record {@code i} of each list
 * is a pure function of {@code (seed, i)} and the sizes, so 100,000 customers cost no memory and
 * two runs with the same seed serve identical bytes. Writes are kept on top, per entity.
 *
 * @param id the entity identifier (1.1 {@code companyID}, 2.0 {@code Entity} header), e.g. {@code
 *     ACME01}
 * @param name display name ({@code GetEntitiesByToken})
 * @param baseCurrency base currency code, default {@code EUR}
 * @param seed data seed
 * @param customers generated customers ({@code GetCustomerList}); the {@code customerCount}
 *     scenario overrides it per tenant or request
 * @param suppliers generated suppliers
 * @param stockItems generated stock items
 * @param invoices generated (historic) sales invoices ({@code GetInvoicesBy})
 * @param transactions generated ledger transactions ({@code GetTransactionsBy})
 */
public record AccountsIqEntity(
    String id,
    String name,
    String baseCurrency,
    long seed,
    long customers,
    long suppliers,
    long stockItems,
    long invoices,
    long transactions) {

  /** Upper bound of generated customers (AccountIDs: customers from 1, suppliers after this). */
  public static final long MAX_CUSTOMERS = 4_000_000;

  public AccountsIqEntity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseCurrency, "baseCurrency");
    if (id.isBlank()) throw new IllegalArgumentException("entity id is blank");
    if (customers < 0
        || customers > MAX_CUSTOMERS
        || suppliers < 0
        || suppliers > 900_000
        || stockItems < 0
        || stockItems > 900_000
        || invoices < 0
        || invoices > 50_000_000
        || transactions < 0
        || transactions > 50_000_000) {
      throw new IllegalArgumentException("dataset sizes out of range for entity " + id);
    }
    if ((invoices > 0 && (customers == 0 || stockItems == 0))
        || (transactions > 0 && customers == 0)) {
      throw new IllegalArgumentException(
          "invoices need customers and stock items, transactions need customers: " + id);
    }
  }

  /**
   * Moderate default sizes: 250 customers, 60 suppliers, 120 stock items, 1,500 invoices, 3,000
   * transactions.
   */
  public static AccountsIqEntity of(String id, long seed) {
    return new AccountsIqEntity(id, id + " Ltd", "EUR", seed, 250, 60, 120, 1_500, 3_000);
  }

  public AccountsIqEntity withName(String n) {
    return Records.with(this, "name", n);
  }

  public AccountsIqEntity withCustomers(long n) {
    return Records.with(this, "customers", n);
  }

  public AccountsIqEntity withSizes(
      long customers, long suppliers, long stockItems, long invoices, long transactions) {
    return new AccountsIqEntity(
        id, name, baseCurrency, seed, customers, suppliers, stockItems, invoices, transactions);
  }

  /** A stable seed for an entity declared only through a tenant. */
  static long seedFor(String id) {
    long h = 1125899906842597L;
    for (int i = 0; i < id.length(); i++) h = 31 * h + id.charAt(i);
    return h;
  }
}
