package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Sales orders for {@code SO/JSON/GetSOs}, shaped after the captured live response
 * (provider-apis.md §2.4, CERTAIN): lowercase members, padded {@code status}/{@code clientid}/
 * {@code rep}/{@code lastupdatedby}, US dates with the 1900 sentinel, 4-decimal money, the tax
 * percentage as a string, and nested {@code SODetails}. The real record has ~150 members; this one
 * carries the evidenced subset. Ordered by {@code so} ascending (SortBy is ignored: its meaning is
 * unknown).
 */
final class SalesOrders implements RecordCatalog {
  static final long FIRST_SO = 3000;
  static final int MAX_LINES = 4;

  private record Line(
      MasterItems.Item item,
      String condition,
      int quantity,
      long unitPriceCents,
      String serial,
      String warehouse) {}

  private final long seed;
  private final long size;
  private final String shipFrom;
  private final MasterItems items;
  private final CustomersVendors cvs;
  private final Conditions conditions;

  SalesOrders(
      IqResellerTenant tenant, MasterItems items, CustomersVendors cvs, Conditions conditions) {
    this.seed = tenant.seed();
    this.size = tenant.salesOrders();
    this.shipFrom = tenant.name().toUpperCase(Locale.ROOT);
    this.items = items;
    this.cvs = cvs;
    this.conditions = conditions;
  }

  @Override
  public String xmlType() {
    return "SO";
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public void write(long index, RecordSink out) throws IOException {
    SplittableRandom r = SeededRandom.rng(seed, Seeds.SALES_ORDERS, index);
    long so = FIRST_SO + index;
    LocalDateTime sale = IqResellerDataset.dayOf(index, size).atStartOfDay();
    int p = r.nextInt(100);
    String status =
        p < 55 ? "Invoiced" : p < 70 ? "Closed" : p < 85 ? "Open" : p < 95 ? "Partial" : "Voided";
    boolean invoiced = status.equals("Invoiced") || status.equals("Closed");
    LocalDateTime invoicedAt =
        invoiced ? sale.plusDays(r.nextInt(10)).plusSeconds(28_800 + r.nextInt(36_000)) : null;
    LocalDateTime lastUpdated =
        (invoicedAt != null ? invoicedAt : sale.plusHours(9)).plusSeconds(r.nextInt(259_200));

    long customer = cvs.randomCustomer(r);
    CustomersVendors.Party party = customer < 0 ? null : cvs.party(customer);
    FakeData.Place place = party != null ? party.place() : FakeData.PLACES[0];

    Line[] lines = new Line[1 + r.nextInt(MAX_LINES)];
    long salesCents = 0;
    for (int i = 0; i < lines.length; i++) {
      MasterItems.Item item = items.random(r);
      int qty = r.nextInt(4) == 0 ? 2 + r.nextInt(9) : 1;
      long price = item.priceCents() * (90 + r.nextInt(21)) / 100;
      String condition = conditions.code(r.nextInt((int) conditions.size()));
      lines[i] =
          new Line(
              item,
              condition,
              qty,
              price,
              qty == 1 ? FakeData.serial(r) : "",
              SeededRandom.pick(r, FakeData.WAREHOUSES));
      salesCents += qty * price;
    }
    long taxCents = Math.round(salesCents * place.taxRate());
    long freightCents = r.nextInt(3) == 0 ? 0 : 1_500 + r.nextInt(13_500);

    out.beginRecord(xmlType());
    out.integer("so", so);
    out.text("status", IqResellerFormats.pad(status, 10));
    out.text("clientid", IqResellerFormats.pad(party != null ? party.clientId() : "CASH", 10));
    out.text("clientponumber", r.nextInt(5) == 0 ? "" : "PO-" + (10_000 + r.nextInt(90_000)));
    out.text("rep", IqResellerFormats.pad(SeededRandom.pick(r, FakeData.REPS), 3));
    out.date("saledate", sale);
    out.date("invoiceddate", invoicedAt);
    out.text("currency", "USD");
    out.text("terms", party != null ? party.terms() : "COD");
    out.text("shiptocompany", party != null ? party.name() : "Cash Customer");
    out.text("shiptoaddress1", party != null ? party.address1() : "");
    out.text("shiptocity", place.city());
    out.text("shiptostate", place.state());
    out.text("shiptopostalcode", place.postalCode());
    out.text("shiptocountry", place.country());
    out.text("shiptoemail", party != null && r.nextBoolean() ? party.email() : "");
    out.text("shipfromclientid", shipFrom);
    out.money("total", IqResellerFormats.cents(salesCents + taxCents + freightCents));
    out.money("totalsales", IqResellerFormats.cents(salesCents));
    out.money("totaltax", IqResellerFormats.cents(taxCents));
    out.text("statetaxpct", place.taxPct());
    out.money("freight", IqResellerFormats.cents(freightCents));
    out.integer("totallines", lines.length);
    for (int u = 1; u <= 5; u++)
      out.text("userdefined" + u, u == 1 && r.nextInt(3) == 0 ? "WEB" : "");
    out.date("lastupdated", lastUpdated);
    out.text("lastupdatedby", IqResellerFormats.pad(SeededRandom.pick(r, FakeData.REPS), 3));
    out.beginList("SODetails");
    for (int i = 0; i < lines.length; i++)
      writeLine(out, so, index, i, lines[i], status, invoicedAt);
    out.endList();
    out.endRecord();
  }

  private void writeLine(
      RecordSink out, long so, long index, int i, Line l, String soStatus, LocalDateTime shipped)
      throws IOException {
    out.beginRecord("SODetail");
    out.integer("so", so);
    out.integer("sodetailid", 1 + index * MAX_LINES + i);
    out.integer("line", i + 1);
    out.integer("itemid", l.item().itemId());
    out.text("item", l.item().itemNumber());
    out.text("description", l.item().model().description());
    out.text("mfgr", l.item().model().mfgr());
    out.text("condition", l.condition());
    out.integer("quantity", l.quantity());
    out.money("unitprice", IqResellerFormats.cents(l.unitPriceCents()));
    out.text("serialnumber", l.serial());
    // A partially shipped order: the first line is invoiced, the rest still open.
    out.text("status", soStatus.equals("Partial") ? (i == 0 ? "Invoiced" : "Open") : soStatus);
    out.text("warehouse", l.warehouse());
    out.date("shipdate", shipped);
    out.endRecord();
  }
}
