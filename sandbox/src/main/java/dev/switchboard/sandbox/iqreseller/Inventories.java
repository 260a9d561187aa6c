package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Serialised inventory units for {@code Inventory/JSON/GetInventories}, {@code GetInventoriesCount}
 * and {@code GetInventoriesByPOId}. Member names are the ones the public clients read
 * (provider-apis.md §2.4). The clients read both {@code receivestatus} and {@code receivedstatus};
 * which one the live API sends is unknown, so both are sent (ASSUMPTION). Padding of {@code status}
 * to 10 is an ASSUMPTION by analogy with the SO status column. Units are received in purchase
 * orders of {@value #UNITS_PER_PO}: unit {@code i} belongs to PO {@code FIRST_PO + i /
 * UNITS_PER_PO}, so a PO lookup is O(1).
 */
final class Inventories implements RecordCatalog {
  static final long FIRST_ID = 200_000;
  static final long FIRST_PO = 5_000;
  static final int UNITS_PER_PO = 4;

  private final long seed;
  private final long size;
  private final MasterItems items;
  private final Conditions conditions;

  Inventories(long seed, long size, MasterItems items, Conditions conditions) {
    this.seed = seed;
    this.size = size;
    this.items = items;
    this.conditions = conditions;
  }

  @Override
  public String xmlType() {
    return "Inventory";
  }

  @Override
  public long size() {
    return size;
  }

  /** Index range [from, to) of the units received on PO {@code poId}; empty if none. */
  long[] rangeOfPo(long poId) {
    long from = (poId - FIRST_PO) * UNITS_PER_PO;
    if (poId < FIRST_PO || from >= size) return new long[] {0, 0};
    return new long[] {from, Math.min(size, from + UNITS_PER_PO)};
  }

  @Override
  public void write(long index, RecordSink out) throws IOException {
    SplittableRandom r = SeededRandom.rng(seed, Seeds.INVENTORIES, index);
    MasterItems.Item item = items.random(r);
    int p = r.nextInt(100);
    String status = p < 60 ? "Available" : p < 75 ? "Reserved" : p < 95 ? "Sold" : "On Hold";
    String received = r.nextInt(10) == 0 ? "Pending" : "Received";
    out.beginRecord(xmlType());
    out.integer("inventoryid", FIRST_ID + index);
    out.integer("itemid", item.itemId());
    out.text("item", item.itemNumber());
    out.text("itemdesc", item.model().description());
    out.text("mfgr", item.model().mfgr());
    out.integer("mfgrid", item.model().mfgrId());
    out.text("condition", conditions.code(r.nextInt((int) conditions.size())));
    out.text("inventorycomments", SeededRandom.pick(r, FakeData.COMMENTS));
    out.text("warehouse", SeededRandom.pick(r, FakeData.WAREHOUSES));
    out.text("location", FakeData.location(r));
    out.text("status", IqResellerFormats.pad(status, 10));
    out.text("receivestatus", received);
    out.text("receivedstatus", received);
    out.integer("quantity", 1);
    out.money("unitcost", IqResellerFormats.cents(item.priceCents() * (40 + r.nextInt(31)) / 100));
    out.text("serialnumber", FakeData.serial(r));
    out.integer("po", FIRST_PO + index / UNITS_PER_PO);
    out.text("category1", item.model().category());
    out.text("category2", item.model().category2());
    for (int u = 1; u <= 5; u++) out.text("userdefined" + u, "");
    out.text("imageurl", "");
    out.date(
        "added", IqResellerDataset.dayOf(index, size).atTime(10, 0).plusSeconds(r.nextInt(28_800)));
    out.endRecord();
  }
}
