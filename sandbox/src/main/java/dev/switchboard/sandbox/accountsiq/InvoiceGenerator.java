package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated historic sales invoices. Invoice {@code i} of {@code n} is a pure function of {@code
 * (seed, i)} and the entity sizes: InvoiceID {@code 1001 + i}, ExternalReference {@code
 * GEN-<InvoiceID>}, created at an even spread over 2022–2024 so that creation order is index order
 * (the order GetInvoicesBy pages in), 1–3 stock lines, the last 5% still {@code Processed} (saved,
 * not posted), the rest {@code Posted}.
 */
final class InvoiceGenerator {
  static final int FIRST_ID = 1001;
  static final String REF_PREFIX = "GEN-";
  private static final LocalDateTime FIRST = LocalDateTime.of(2022, 1, 3, 9, 0);

  private final long seed;
  final long size;
  private final GeneratedNumbering numbering;
  private final long customerCount;
  private final AccountGenerator customers;
  private final StockItems stock;

  InvoiceGenerator(AccountsIqEntity e, AccountGenerator customers, StockItems stock) {
    this.seed = e.seed();
    this.size = e.invoices();
    this.numbering = new GeneratedNumbering(FIRST_ID, REF_PREFIX, FIRST, size);
    this.customerCount = e.customers();
    this.customers = customers;
    this.stock = stock;
  }

  /** Ids, references and creation times of these documents. */
  GeneratedNumbering numbering() {
    return numbering;
  }

  AccountsIqRecord generate(long index) {
    SplittableRandom r = SeededRandom.rng(seed, AccountsIqSeeds.INVOICES, index);
    long id = FIRST_ID + index;
    AccountsIqRecord customer = customers.generate(r.nextLong(customerCount));
    LocalDateTime created = numbering.created(index);
    LocalDateTime day = created.toLocalDate().atStartOfDay();
    List<AccountsIqRecord> lines = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) lines.add(line(r, id, k, created));
    AccountsIqRecord inv =
        InvoiceTemplates.fromCustomer(customer, day)
            .set("InvoiceID", id)
            .set("InvoiceNumber", "SI" + AccountsIqSeeds.digits(id, 6))
            .set("ExternalReference", REF_PREFIX + id)
            .set("CreationDate", created)
            .set("Status", index >= size - size / 20 ? "Processed" : "Posted")
            .set(
                "RowVersionNumber",
                AccountsIqSeeds.rowVersion(seed, AccountsIqSeeds.INVOICES, index, 1))
            .set("IsPrinted", index < size - size / 20)
            .set("LastModifiedUTC", created.plusHours(r.nextInt(72)))
            .set("ApprovalStatusName", "Approved")
            .set("AuthorUserName", "API User")
            .items(lines);
    InvoiceMath.total(inv);
    return inv;
  }

  private AccountsIqRecord line(SplittableRandom r, long invoiceId, int k, LocalDateTime created) {
    long item = r.nextLong(stock.size);
    FakeLedgerData.Product p = stock.product(item);
    BigDecimal price = stock.price(item);
    BigDecimal qty = BigDecimal.valueOf(1 + r.nextInt(10)).setScale(2);
    AccountsIqRecord line =
        new AccountsIqRecord(WsdlTypes.INVOICE_LINE)
            .set("InvoiceItemID", invoiceId * 10 + k)
            .set("InvoiceID", invoiceId)
            .set("StockItemID", StockItems.id(item))
            .set("StockItemDescription", p.description())
            .set("InvoicedQuantity", qty)
            .set("DeliveredQuantity", qty)
            .set("StockItemCost", InvoiceMath.money(price.multiply(new BigDecimal("0.6"))))
            .set("StockItemPrice", price)
            .set("DiscountRate", "0.00")
            .set("TaxCode", p.taxCode())
            .set("CreationDate", created)
            .set("AdditionalCost", false)
            .set("GLAccountCode", p.group().equals("SERVICES") ? "4010" : "4000")
            .set(
                "RowVersionNumber",
                AccountsIqSeeds.rowVersion(seed, AccountsIqSeeds.INVOICES, invoiceId * 10 + k, 1));
    InvoiceMath.priceLine(line, ChartOfAccounts.taxRate(p.taxCode()));
    return line;
  }
}
