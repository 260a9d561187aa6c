package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Generated customers or suppliers ({@code Account}, §1.8). Record {@code i} is a pure function of
 * {@code (seed, i)}: code {@code C000001}/{@code S000001} (uppercase, as AIQ requires), AccountID
 * {@code i + 1} for customers and {@code 4,000,001 + i} for suppliers, created every 20 minutes
 * from 2022-01-03. One customer in twenty is inactive.
 */
final class AccountGenerator {
  static final LocalDateTime FIRST = LocalDateTime.of(2022, 1, 3, 8, 0);
  static final long SUPPLIER_ID_BASE = AccountsIqEntity.MAX_CUSTOMERS + 1;

  final boolean customers;
  private final long seed;
  private final String prefix;

  AccountGenerator(long seed, boolean customers) {
    this.seed = seed;
    this.customers = customers;
    this.prefix = customers ? "C" : "S";
  }

  String ledger() {
    return customers ? "Sales" : "Purchases";
  }

  String code(long index) {
    return prefix + AccountsIqSeeds.digits(index + 1, 6);
  }

  /** The index of a generated code, or -1 if {@code code} is not one. */
  long indexOf(String code) {
    if (code == null || code.length() < 7 || !code.startsWith(prefix)) return -1;
    for (int i = 1; i < code.length(); i++) if (!Character.isDigit(code.charAt(i))) return -1;
    if (code.length() > 7 && code.charAt(1) == '0') return -1;
    try {
      return Long.parseLong(code.substring(1)) - 1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  long accountId(long index) {
    return customers ? index + 1 : SUPPLIER_ID_BASE + index;
  }

  /** The generated account's last modification (UTC): creation plus up to 400 days. */
  LocalDateTime lastModified(long index) {
    SplittableRandom r = SeededRandom.rng(seed, stream(), index);
    return created(index).plusDays(r.nextInt(400)).plusMinutes(r.nextInt(600));
  }

  LocalDateTime created(long index) {
    return FIRST.plusMinutes(index * 20);
  }

  AccountsIqRecord generate(long index) {
    SplittableRandom r = SeededRandom.rng(seed, stream(), index);
    r.nextInt(400);
    r.nextInt(600); // the two draws of lastModified(), so the record stream is independent of it
    String[] names = customers ? FakeLedgerData.CUSTOMER_NAMES : FakeLedgerData.SUPPLIER_NAMES;
    String base = names[(int) Math.floorMod(index + seed, (long) names.length)];
    long round = index / names.length;
    String name = round == 0 ? base : base + " " + (round + 1);
    FakeLedgerData.Place p = SeededRandom.pick(r, FakeLedgerData.PLACES);
    AccountsIqRecord a =
        new AccountsIqRecord(WsdlTypes.ACCOUNT)
            .set("AccountID", accountId(index))
            .set("LedgerType", ledger())
            .set("Code", code(index))
            .set("CountryCode", p.countryCode())
            .set("Name", name)
            .set("DefaultTaxCode", p.countryCode().equals("IE") ? "STD" : "ZERO")
            .set("CreditTermID", SeededRandom.pick(r, FakeLedgerData.CREDIT_TERMS))
            .set("CurrencyCode", p.currency())
            .set("CreationDate", created(index))
            .set("Address1", FakeLedgerData.street(r))
            .set("City", p.city())
            .set("County_State", p.county())
            .set("Country", p.country())
            .set("PostCode", p.postCode())
            .set("Phone", FakeLedgerData.phone(r, p))
            .set("Email", (customers ? "accounts@" : "billing@") + FakeLedgerData.domain(name))
            .set("Contact", SeededRandom.pick(r, FakeLedgerData.CONTACTS))
            .set("DiscountRate", "0.00")
            .set("UseAccountTaxCode", false)
            .set("DefaultGLAccountCode", customers ? "4000" : "5000")
            .set("ControlGLAccountCode", customers ? "1100" : "2100")
            .set("IsActive", index % 20 != 19)
            .set("Hold", "0")
            .set("UseHeadOffice", false)
            .set("IsHeadOffice", false)
            .set("CreditLimit", customers ? (1 + r.nextInt(20)) * 1000 + ".00" : "0.00")
            .set("IsFranchise", false)
            .set("RowVersionNumber", AccountsIqSeeds.rowVersion(seed, stream(), index, 1));
    if (p.countryCode().equals("IE") && r.nextInt(3) > 0) {
      a.set(
          "VATRegistrationNumber",
          "IE" + AccountsIqSeeds.digits(r.nextInt(10_000_000), 7) + (char) ('A' + r.nextInt(26)));
    }
    return a;
  }

  private int stream() {
    return customers ? AccountsIqSeeds.CUSTOMERS : AccountsIqSeeds.SUPPLIERS;
  }
}
