package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Line and header amounts, recomputed by the simulator the way a ledger would (ASSUMPTION: AIQ
 * recalculates amounts from quantity, price, discount and tax code; callers' amounts are ignored).
 * Money is rounded half-up to 2 places.
 */
final class InvoiceMath {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private InvoiceMath() {}

  static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  /** Fills ActualPrice, TaxRate, NetAmount, TaxAmount, GrossAmount of an invoice line. */
  static void priceLine(AccountsIqRecord line, BigDecimal taxRate) {
    BigDecimal qty = line.decimal("InvoicedQuantity");
    BigDecimal price = line.decimal("StockItemPrice");
    BigDecimal discount = line.decimal("DiscountRate");
    BigDecimal actual =
        price.multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 4, RoundingMode.HALF_UP);
    BigDecimal net = money(qty.multiply(actual));
    BigDecimal tax = money(net.multiply(taxRate).divide(HUNDRED, 6, RoundingMode.HALF_UP));
    line.set("ActualPrice", actual.stripTrailingZeros().scale() <= 2 ? money(actual) : actual)
        .set("TaxRate", taxRate)
        .set("NetAmount", net)
        .set("TaxAmount", tax)
        .set("GrossAmount", net.add(tax));
  }

  /** Sums the lines into Net/Tax/Gross and their base-currency (BC) twins. */
  static void total(AccountsIqRecord invoice) {
    BigDecimal net = BigDecimal.ZERO.setScale(2);
    BigDecimal tax = BigDecimal.ZERO.setScale(2);
    List<AccountsIqRecord> lines = invoice.items();
    if (lines != null) {
      for (AccountsIqRecord l : lines) {
        net = net.add(l.decimal("NetAmount"));
        tax = tax.add(l.decimal("TaxAmount"));
      }
    }
    BigDecimal rate =
        invoice.decimal("ExchangeRate").signum() == 0
            ? BigDecimal.ONE
            : invoice.decimal("ExchangeRate");
    invoice
        .set("NetAmount", net)
        .set("TaxAmount", tax)
        .set("GrossAmount", net.add(tax))
        .set("BCNetAmount", money(net.multiply(rate)))
        .set("BCTaxAmount", money(tax.multiply(rate)))
        .set("BCGrossAmount", money(net.add(tax).multiply(rate)))
        .set("TaxAdjustmentAmount", "0.00")
        .set("BCTaxAdjustmentAmount", "0.00");
  }

  /** Tax of a batch line: its TaxAmount if given, else NetAmount × TaxRate%. */
  static BigDecimal batchTax(AccountsIqRecord line) {
    if (line.get("TaxAmount") != null) return line.decimal("TaxAmount");
    double r = Double.parseDouble(line.get("TaxRate").replace("INF", "Infinity"));
    BigDecimal rate = Double.isFinite(r) ? BigDecimal.valueOf(r) : BigDecimal.ZERO;
    return money(line.decimal("NetAmount").multiply(rate).divide(HUNDRED, 6, RoundingMode.HALF_UP));
  }
}
