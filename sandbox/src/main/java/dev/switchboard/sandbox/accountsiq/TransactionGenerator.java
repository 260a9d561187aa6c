package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Generated historic ledger transactions ({@code GetTransactionsBy}). Transaction {@code i} of
 * {@code n} is a pure function of {@code (seed, i)} and the entity sizes: TransactionID {@code
 * 100001 + i}, ExternalReference {@code GEN-T<id>}, created at an even spread over 2022–2024
 * (creation order = index order), types SI 55%, SR 25%, SN 5%, PI 10%, PP 5%.
 */
final class TransactionGenerator {
  static final int FIRST_ID = 100_001;
  static final String REF_PREFIX = "GEN-T";
  private static final LocalDateTime FIRST = LocalDateTime.of(2022, 1, 3, 10, 30);

  private final long seed;
  final long size;
  private final GeneratedNumbering numbering;
  private final long customerCount;
  private final long supplierCount;
  private final AccountGenerator customers;
  private final AccountGenerator suppliers;

  TransactionGenerator(AccountsIqEntity e, AccountGenerator customers, AccountGenerator suppliers) {
    this.seed = e.seed();
    this.size = e.transactions();
    this.numbering = new GeneratedNumbering(FIRST_ID, REF_PREFIX, FIRST, size);
    this.customerCount = e.customers();
    this.supplierCount = e.suppliers();
    this.customers = customers;
    this.suppliers = suppliers;
  }

  /** Ids, references and creation times of these documents. */
  GeneratedNumbering numbering() {
    return numbering;
  }

  AccountsIqRecord generate(long index) {
    SplittableRandom r = SeededRandom.rng(seed, AccountsIqSeeds.TRANSACTIONS, index);
    int roll = r.nextInt(100);
    String type = roll < 55 ? "SI" : roll < 80 ? "SR" : roll < 85 ? "SN" : roll < 95 ? "PI" : "PP";
    boolean purchases = type.startsWith("P") && supplierCount > 0;
    if (type.startsWith("P") && !purchases) type = "SI";
    AccountsIqRecord account =
        purchases
            ? suppliers.generate(r.nextLong(supplierCount))
            : customers.generate(r.nextLong(customerCount));
    boolean payment = type.equals("SR") || type.equals("PP");
    BigDecimal net = BigDecimal.valueOf(5_000 + r.nextInt(495_000), 2);
    String taxCode = payment ? null : "STD";
    BigDecimal tax =
        payment
            ? BigDecimal.ZERO.setScale(2)
            : InvoiceMath.money(net.multiply(new BigDecimal("0.23")));
    LocalDateTime created = numbering.created(index);
    long id = FIRST_ID + index;
    AccountsIqRecord t =
        new TransactionFactory(
                type,
                id,
                account,
                REF_PREFIX + id,
                net,
                tax,
                taxCode,
                created.toLocalDate().atStartOfDay(),
                created,
                0,
                false)
            .build();
    if (index < size - size / 10) t.set("OutstandingAmount", "0.00");
    return t;
  }
}
