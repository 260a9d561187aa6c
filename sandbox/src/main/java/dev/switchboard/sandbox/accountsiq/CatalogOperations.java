package dev.switchboard.sandbox.accountsiq;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code GetChartOfAccounts} ({@code WSResult2OfArrayOfWSChartOfAccountLine}, §1.6 #11, preferred
 * to GetGLAccountList whose column order is unpublished), {@code GetStockItemList}, {@code
 * GetActiveStockItemList} and {@code GetStockItem(stockItemID)} (§1.6 #12).
 */
final class CatalogOperations {
  private CatalogOperations() {}

  static OpReply chartOfAccounts(OpCall call) {
    return OpReply.success(
        new OpReply.Many(
            "WSChartOfAccountLine",
            ChartOfAccounts.lines(call.store().entity.baseCurrency()).iterator()));
  }

  static OpReply stockItems(OpCall call, boolean activeOnly) {
    StockItems stock = call.store().stock;
    Iterator<Long> indices =
        new Iterator<>() {
          private long next;

          @Override
          public boolean hasNext() {
            return next < stock.size;
          }

          @Override
          public Long next() {
            if (!hasNext()) throw new NoSuchElementException();
            return next++;
          }
        };
    Iterator<AccountsIqRecord> items = LazyLists.filterMap(indices, i -> true, stock::generate);
    return OpReply.success(
        new OpReply.Many(
            "StockItem", LazyLists.filterMap(items, r -> !activeOnly || r.bool("Active"), r -> r)));
  }

  /**
   * Unknown id: Failure + {@code STOCKITEM_ID_DOES_NOT_EXIST} (CERTAIN code, pairing ASSUMPTION).
   */
  static OpReply stockItem(OpCall call) {
    String id = RequestReader.string(call.request(), "stockItemID");
    long i = call.store().stock.indexOf(id);
    if (i < 0)
      return OpReply.failure(
          "STOCKITEM_ID_DOES_NOT_EXIST", "Stock item '" + id + "' does not exist.");
    return OpReply.success(new OpReply.One(call.store().stock.generate(i)));
  }
}
