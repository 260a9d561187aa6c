package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Master items (catalogue) for {@code MI/JSON/GetItems} and {@code GetItemByItemId}. Members {@code
 * itemid, itemnumber, category, category2..4} are evidenced (provider-apis.md §2.4); {@code
 * description, mfgr, mfgrid, added} are ASSUMPTIONs by analogy with inventory units.
 */
final class MasterItems implements RecordCatalog {
  static final long FIRST_ID = 100;

  record Item(long itemId, String itemNumber, FakeData.Model model, long priceCents, long index) {}

  private final long seed;
  private final long size;
  private final int modelOffset;

  MasterItems(long seed, long size) {
    this.seed = seed;
    this.size = size;
    this.modelOffset = (int) Math.floorMod(seed, (long) FakeData.MODELS.length);
  }

  @Override
  public String xmlType() {
    return "Item";
  }

  @Override
  public long size() {
    return size;
  }

  /** Index of the item with {@code itemId}, or -1. */
  long indexOf(long itemId) {
    long i = itemId - FIRST_ID;
    return i >= 0 && i < size ? i : -1;
  }

  Item item(long index) {
    int n = FakeData.MODELS.length;
    FakeData.Model m = FakeData.MODELS[(int) ((index + modelOffset) % n)];
    long round = index / n; // (model, round) is unique, so item numbers are unique
    SplittableRandom r = SeededRandom.rng(seed, Seeds.ITEMS, index);
    long price = m.priceCents() * (85 + r.nextInt(31)) / 100;
    return new Item(
        FIRST_ID + index, round == 0 ? m.name() : m.name() + "-" + round, m, price, index);
  }

  /** A random existing item, or an off-catalogue one (itemid 0) when the tenant has no items. */
  Item random(SplittableRandom r) {
    if (size > 0) return item(r.nextLong(size));
    FakeData.Model m = SeededRandom.pick(r, FakeData.MODELS);
    return new Item(0, m.name(), m, m.priceCents(), -1);
  }

  @Override
  public void write(long index, RecordSink out) throws IOException {
    Item it = item(index);
    out.beginRecord(xmlType());
    out.integer("itemid", it.itemId());
    out.text("itemnumber", it.itemNumber());
    out.text("description", it.model().description());
    out.text("mfgr", it.model().mfgr());
    out.integer("mfgrid", it.model().mfgrId());
    out.text("category", it.model().category());
    out.text("category2", it.model().category2());
    out.text("category3", "");
    out.text("category4", "");
    out.date("added", IqResellerDataset.dayOf(index, size).atTime(9, 0).plusMinutes(index % 480));
    out.endRecord();
  }
}
