package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Generated stock items ({@code StockItem}, §1.6 #12): ids {@code SKU00001}... (uppercase), one of
 * {@link FakeLedgerData#PRODUCTS} each, a pure function of {@code (seed, i)}.
 */
final class StockItems {
  private final long seed;
  final long size;

  StockItems(long seed, long size) {
    this.seed = seed;
    this.size = size;
  }

  static String id(long index) {
    return "SKU" + AccountsIqSeeds.digits(index + 1, 5);
  }

  /** The index of {@code id}, or -1 if no generated item has it. */
  long indexOf(String id) {
    if (id == null || !id.matches("SKU\\d{5,}")) return -1;
    long i = Long.parseLong(id.substring(3)) - 1;
    return i >= 0 && i < size && id(i).equals(id) ? i : -1;
  }

  FakeLedgerData.Product product(long index) {
    return FakeLedgerData.PRODUCTS[
        (int) Math.floorMod(index + seed, (long) FakeLedgerData.PRODUCTS.length)];
  }

  BigDecimal price(long index) {
    SplittableRandom r = SeededRandom.rng(seed, AccountsIqSeeds.STOCK, index);
    long cents = product(index).priceCents() + r.nextInt(500);
    return BigDecimal.valueOf(cents, 2);
  }

  AccountsIqRecord generate(long index) {
    FakeLedgerData.Product p = product(index);
    BigDecimal price = price(index);
    boolean service = p.group().equals("SERVICES");
    return new AccountsIqRecord(WsdlTypes.STOCK_ITEM)
        .set("StockItemID", id(index))
        .set("Description", p.description())
        .set("SalesDescription", p.description())
        .set("ItemGroupID", p.group())
        .set("ItemTypeID", service ? "SERVICE" : "PRODUCT")
        .set("DefaultLocationID", service ? null : "MAIN")
        .set("TaxCode", p.taxCode())
        .set("ItemPrice", price)
        .set("UpdateOnHand", !service)
        .set("DefaultSalesGLAccountCode", service ? "4010" : "4000")
        .set("DefaultPurchasesGLAccountCode", "5000")
        .set("Active", index % 25 != 24)
        .set("ReOrderLevel", service ? "0" : "5")
        .set("ItemPrice2", price)
        .set("ItemPrice3", price)
        .set("ItemPrice4", price)
        .set("ItemPrice5", price)
        .set("ItemPrice6", price)
        .set("ItemPrice7", price)
        .set("ItemPrice8", price)
        .set("UseMarginWarning", false)
        .set("Margin", "0")
        .set("RowVersionNumber", AccountsIqSeeds.rowVersion(seed, AccountsIqSeeds.STOCK, index, 1))
        .set("Weight", service ? null : "0." + (1 + index % 9));
  }
}
