package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Customers and vendors for {@code CV/json/GetCVs}. ASSUMPTION: the endpoint is named by the vendor
 * page but no response shape is public; members are invented in the style of the SO record
 * (lowercase names, padded CHAR columns {@code clientid} and {@code type}, US dates). Every fourth
 * record is a vendor; the rest are customers, referenced by SO {@code clientid}.
 */
final class CustomersVendors implements RecordCatalog {
  record Party(
      long cvid,
      String clientId,
      String name,
      boolean vendor,
      String email,
      String phone,
      String address1,
      FakeData.Place place,
      String terms,
      LocalDateTime added) {}

  private static final Pattern NON_LETTERS = Pattern.compile("[^A-Z]");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]");

  private final long seed;
  private final long size;

  CustomersVendors(long seed, long size) {
    this.seed = seed;
    this.size = size;
  }

  @Override
  public String xmlType() {
    return "CV";
  }

  @Override
  public long size() {
    return size;
  }

  /** Index of a random customer (never a vendor), or -1 if there are no CVs. */
  long randomCustomer(SplittableRandom r) {
    if (size == 0) return -1;
    long k = r.nextLong(size);
    return isVendor(k) ? k - 1 : k;
  }

  private static boolean isVendor(long index) {
    return index % 4 == 3;
  }

  Party party(long index) {
    SplittableRandom r = SeededRandom.rng(seed, Seeds.CVS, index);
    int n = FakeData.COMPANIES.length;
    String company = FakeData.COMPANIES[(int) Math.floorMod(index + seed, (long) n)];
    long round = index / n;
    String name = round == 0 ? company : company + " " + (round + 1);
    String letters = NON_LETTERS.matcher(company.toUpperCase(Locale.ROOT)).replaceAll("");
    String clientId =
        letters.substring(0, Math.min(4, letters.length()))
            + Long.toString(index + 1, 36).toUpperCase(Locale.ROOT);
    String domain =
        NON_ALNUM.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("") + ".example.com";
    String email = (isVendor(index) ? "sales@" : "purchasing@") + domain;
    LocalDateTime added =
        IqResellerDataset.dayOf(index, size).atTime(8, 0).plusMinutes(r.nextInt(600));
    return new Party(
        index + 1,
        clientId,
        name,
        isVendor(index),
        email,
        FakeData.phone(r),
        FakeData.street(r),
        SeededRandom.pick(r, FakeData.PLACES),
        SeededRandom.pick(r, FakeData.TERMS),
        added);
  }

  @Override
  public void write(long index, RecordSink out) throws IOException {
    Party p = party(index);
    out.beginRecord(xmlType());
    out.integer("cvid", p.cvid());
    out.text("clientid", IqResellerFormats.pad(p.clientId(), 10));
    out.text("name", p.name());
    out.text("type", IqResellerFormats.pad(p.vendor() ? "Vendor" : "Customer", 10));
    out.text("email", p.email());
    out.text("phone", p.phone());
    out.text("address1", p.address1());
    out.text("city", p.place().city());
    out.text("state", p.place().state());
    out.text("postalcode", p.place().postalCode());
    out.text("country", p.place().country());
    out.text("terms", p.terms());
    out.text("currency", "USD");
    out.date("added", p.added());
    out.date("lastupdated", p.added().plusDays(index % 90));
    out.endRecord();
  }
}
