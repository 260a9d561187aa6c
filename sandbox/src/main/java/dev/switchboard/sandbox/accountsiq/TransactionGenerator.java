package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Generated historic ledger transactions ({@code GetTransactionsBy}). Transaction {@code i} of
 * {@code n} is a pure function of {@code (seed, i)} and the entity sizes: TransactionID
 * {@code 100001 + i}, ExternalReference {@code GEN-T<id>}, created at an even spread over 2022–2024
 * (creation order = index order), types SI 55%, SR 25%, SN 5%, PI 10%, PP 5%.
 */
final class TransactionGenerator {
  static final int FIRST_ID = 100_001;
  static final String REF_PREFIX = "GEN-T";
  private static final LocalDateTime FIRST = LocalDateTime.of(2022, 1, 3, 10, 30);
  private static final long SPAN_SECONDS = 3L * 365 * 24 * 3600;

  private final long seed;
  final long size;
  private final long customerCount;
  private final long supplierCount;
  private final AccountGenerator customers;
  private final AccountGenerator suppliers;

  TransactionGenerator(AccountsIqEntity e, AccountGenerator customers, AccountGenerator suppliers) {
    this.seed = e.seed();
    this.size = e.transactions();
    this.customerCount = e.customers();
    this.supplierCount = e.suppliers();
    this.customers = customers;
    this.suppliers = suppliers;
  }

  LocalDateTime created(long index) {
    return FIRST.plusSeconds(size <= 1 ? 0 : index * SPAN_SECONDS / size);
  }

  long indexOfId(long id) {
    long i = id - FIRST_ID;
    return i >= 0 && i < size ? i : -1;
  }

  long indexOfReference(String ref) {
    if (ref == null || !ref.startsWith(REF_PREFIX)) return -1;
    try {
      long id = Long.parseLong(ref.substring(REF_PREFIX.length()));
      return (REF_PREFIX + id).equals(ref) ? indexOfId(id) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  AiqRecord generate(long index) {
    SplittableRandom r = AiqSeeds.rng(seed, AiqSeeds.TRANSACTIONS, index);
    int roll = r.nextInt(100);
    String type = roll < 55 ? "SI" : roll < 80 ? "SR" : roll < 85 ? "SN" : roll < 95 ? "PI" : "PP";
    boolean purchases = type.startsWith("P") && supplierCount > 0;
    if (type.startsWith("P") && !purchases) type = "SI";
    AiqRecord account = purchases ? suppliers.generate(r.nextLong(supplierCount))
        : customers.generate(r.nextLong(customerCount));
    boolean payment = type.equals("SR") || type.equals("PP");
    BigDecimal net = BigDecimal.valueOf(5_000 + r.nextInt(495_000), 2);
    String taxCode = payment ? null : "STD";
    BigDecimal tax = payment ? BigDecimal.ZERO.setScale(2) : InvoiceMath.money(net.multiply(new BigDecimal("0.23")));
    LocalDateTime created = created(index);
    long id = FIRST_ID + index;
    AiqRecord t = new TransactionFactory(type, id, account, REF_PREFIX + id, net, tax, taxCode,
        created.toLocalDate().atStartOfDay(), created, 0, false).build();
    if (index < size - size / 10) t.set("OutstandingAmount", "0.00");
    return t;
  }
}
