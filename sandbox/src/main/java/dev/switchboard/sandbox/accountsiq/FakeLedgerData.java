package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.util.SplittableRandom;

/** Value pools for plausible Irish/UK small-business ledgers (the AccountsIQ home market). */
final class FakeLedgerData {
  /** A town with its region, postcode, country and currency. */
  record Place(
      String city,
      String county,
      String postCode,
      String country,
      String countryCode,
      String currency,
      String exchangeRate) {}

  /** A product or service line. */
  record Product(String description, String group, long priceCents, String taxCode) {}

  static final String[] CUSTOMER_NAMES = {
    "Acme Ltd",
    "Brightwater Foods",
    "Cobalt Engineering",
    "Dunmore Logistics",
    "Elmwood Dental",
    "Foxrock Media",
    "Glenview Hotels",
    "Harbour Marine",
    "Inish Software",
    "Junction Motors",
    "Kilkenny Crafts",
    "Liffey Legal",
    "Moher Outdoor",
    "Nore Valley Farms",
    "Oakpark Pharma",
    "Portmarnock Golf",
  };

  static final String[] SUPPLIER_NAMES = {
    "Atlantic Paper Co",
    "Boyne Office Supplies",
    "Celtic Couriers",
    "Dalkey Print Works",
    "Emerald IT Services",
    "Fastnet Fuels",
    "Greenfield Packaging",
    "Hillside Cleaning",
  };

  static final Place[] PLACES = {
    new Place("Dublin", "Co. Dublin", "D02 X285", "Ireland", "IE", "EUR", "1"),
    new Place("Cork", "Co. Cork", "T12 RW26", "Ireland", "IE", "EUR", "1"),
    new Place("Galway", "Co. Galway", "H91 E2K3", "Ireland", "IE", "EUR", "1"),
    new Place("Limerick", "Co. Limerick", "V94 T9PX", "Ireland", "IE", "EUR", "1"),
    new Place("Belfast", "Co. Antrim", "BT1 5GS", "United Kingdom", "GB", "GBP", "1.1700"),
    new Place("London", "Greater London", "EC1A 1BB", "United Kingdom", "GB", "GBP", "1.1700"),
    new Place(
        "Manchester", "Greater Manchester", "M1 1AE", "United Kingdom", "GB", "GBP", "1.1700"),
    new Place("Boston", "MA", "02108", "United States", "US", "USD", "0.9200"),
  };

  static final String[] STREETS = {
    "Main Street", "Quay Street", "Church Road", "Harbour View", "Mill Lane", "Market Square",
  };
  static final String[] CONTACTS = {
    "Aoife Byrne", "Cian Murphy", "Niamh Kelly", "Sean Walsh", "Orla Ryan", "Tom Doyle",
  };
  static final String[] CREDIT_TERMS = {"30", "30", "14", "60", "7"};

  static final Product[] PRODUCTS = {
    new Product("Consulting hour", "SERVICES", 12_000, "STD"),
    new Product("Annual support plan", "SERVICES", 180_000, "STD"),
    new Product("Training day", "SERVICES", 95_000, "STD"),
    new Product("Laptop stand", "HARDWARE", 4_500, "STD"),
    new Product("Wireless keyboard", "HARDWARE", 6_900, "STD"),
    new Product("27in monitor", "HARDWARE", 31_900, "STD"),
    new Product("Printed brochure (100)", "PRINT", 8_500, "RED"),
    new Product("Hardback book", "PRINT", 2_499, "ZERO"),
    new Product("Catering platter", "FOOD", 5_500, "RED"),
    new Product("Delivery charge", "SERVICES", 1_500, "STD"),
  };

  private FakeLedgerData() {}

  static String phone(SplittableRandom r, Place p) {
    return switch (p.countryCode()) {
      case "IE" -> "+353 1 " + AccountsIqSeeds.digits(r.nextInt(1_000_0000), 7);
      case "GB" -> "+44 20 " + AccountsIqSeeds.digits(r.nextInt(1_0000_0000), 8);
      default -> "+1 617 555 " + AccountsIqSeeds.digits(r.nextInt(10_000), 4);
    };
  }

  static String street(SplittableRandom r) {
    return (1 + r.nextInt(120)) + " " + SeededRandom.pick(r, STREETS);
  }

  /** A lowercase domain from a company name, e.g. {@code harbourmarine2.example.com}. */
  static String domain(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toLowerCase(java.util.Locale.ROOT).toCharArray())
      if (Character.isLetterOrDigit(c)) b.append(c);
    return b.append(".example.com").toString();
  }
}
