package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.util.SplittableRandom;

/** Value pools for plausible IT-reseller data (refurbished laptops, network gear, parts). */
final class FakeData {
  record Model(
      String mfgr,
      int mfgrId,
      String name,
      String description,
      String category,
      String category2,
      long priceCents) {}

  /** {@code taxPct} is a string on the wire ({@code "statetaxpct": "0.000000"}, CERTAIN). */
  record Place(String city, String state, String postalCode, String country, String taxPct) {
    double taxRate() {
      return Double.parseDouble(taxPct) / 100.0;
    }
  }

  static final Model[] MODELS = {
    new Model("LENOVO", 11, "THINKPAD T450", "Lenovo T450 i5/8/512", "LAPTOP", "BUSINESS", 469_95),
    new Model(
        "LENOVO",
        11,
        "THINKPAD X1 CARBON G6",
        "Lenovo X1 Carbon G6 i7/16/512",
        "LAPTOP",
        "ULTRABOOK",
        749_00),
    new Model(
        "DELL", 12, "LATITUDE 7490", "Dell Latitude 7490 i7/16/256", "LAPTOP", "BUSINESS", 529_00),
    new Model(
        "HP", 13, "ELITEBOOK 840 G5", "HP EliteBook 840 G5 i5/8/256", "LAPTOP", "BUSINESS", 489_50),
    new Model(
        "APPLE",
        14,
        "MACBOOK PRO 13 2019",
        "MacBook Pro 13in 2019 i5/8/256",
        "LAPTOP",
        "MAC",
        899_00),
    new Model(
        "CISCO",
        15,
        "WS-C2960X-48TS-L",
        "Catalyst 2960-X 48 GigE 4x1G SFP",
        "NETWORKING",
        "SWITCH",
        890_00),
    new Model(
        "CISCO",
        15,
        "C9300-24T-A",
        "Catalyst 9300 24-port data Network Advantage",
        "NETWORKING",
        "SWITCH",
        2_450_00),
    new Model(
        "JUNIPER",
        16,
        "EX4300-48T",
        "EX4300 48-port 10/100/1000BaseT",
        "NETWORKING",
        "SWITCH",
        1_150_00),
    new Model(
        "HPE",
        17,
        "DL380 GEN10",
        "ProLiant DL380 Gen10 2x Xeon Silver 4114",
        "SERVER",
        "RACK",
        3_100_00),
    new Model(
        "DELL",
        12,
        "POWEREDGE R740",
        "PowerEdge R740 2x Xeon Gold 6130 128GB",
        "SERVER",
        "RACK",
        3_650_00),
    new Model("SAMSUNG", 18, "MZ-7LH960", "PM883 960GB SATA 2.5in SSD", "STORAGE", "SSD", 129_00),
    new Model(
        "SEAGATE", 19, "ST4000NM0035", "Exos 4TB 7.2K SATA 3.5in HDD", "STORAGE", "HDD", 69_00),
    new Model(
        "KINGSTON", 20, "KSM26RD8/16HDI", "16GB DDR4-2666 ECC RDIMM", "MEMORY", "SERVER", 59_00),
    new Model(
        "APPLE", 14, "IPHONE 11 64GB", "iPhone 11 64GB unlocked", "PHONE", "SMARTPHONE", 249_00),
    new Model("DELL", 12, "U2719D", "UltraSharp 27in QHD monitor", "MONITOR", "LCD", 219_00),
    new Model(
        "HP", 13, "LASERJET M607DN", "LaserJet Enterprise M607dn", "PRINTER", "LASER", 450_00),
  };

  static final String[] COMPANIES = {
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella Supply",
    "Stark Industries",
    "Wayne Enterprises",
    "Hooli",
    "Vandelay Industries",
    "Soylent Systems",
    "Cyberdyne",
    "Wonka Industries",
    "Tyrell Corp",
    "Massive Dynamic",
    "Aperture Labs",
    "Oscorp",
    "Dunder Mifflin",
  };

  static final Place[] PLACES = {
    new Place("Austin", "TX", "78701", "UNITED STATES", "6.250000"),
    new Place("Dallas", "TX", "75201", "UNITED STATES", "6.250000"),
    new Place("San Jose", "CA", "95113", "UNITED STATES", "7.250000"),
    new Place("New York", "NY", "10001", "UNITED STATES", "4.000000"),
    new Place("Chicago", "IL", "60601", "UNITED STATES", "6.250000"),
    new Place("Portland", "OR", "97201", "UNITED STATES", "0.000000"),
    new Place("Miami", "FL", "33101", "UNITED STATES", "6.000000"),
    new Place("Toronto", "ON", "M5H 2N2", "CANADA", "0.000000"),
    new Place("London", "", "EC1A 1BB", "UNITED KINGDOM", "0.000000"),
  };

  static final String[] STREETS = {
    "Main St", "Oak Ave", "Commerce Blvd", "Industrial Pkwy", "Market St", "Elm Dr"
  };
  static final String[] REPS = {"AP", "IL", "JS", "MK", "RB", "TW"};
  static final String[] WAREHOUSES = {"EV1", "EV2", "MAIN", "RMA"};
  static final String[] TERMS = {"NET 30", "NET 30", "NET 15", "COD", "PREPAID", "NET 45"};
  static final String[] COMMENTS = {
    "", "", "", "Minor scuffs on lid", "No power adapter", "Tested OK", "Missing rubber feet"
  };
  private static final char[] SERIAL_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private FakeData() {}

  static String serial(SplittableRandom r) {
    char[] c = new char[10 + r.nextInt(8)];
    for (int i = 0; i < c.length; i++) c[i] = SERIAL_CHARS[r.nextInt(SERIAL_CHARS.length)];
    return new String(c);
  }

  static String phone(SplittableRandom r) {
    return (200 + r.nextInt(700)) + "-555-" + digits(r.nextInt(10_000), 4);
  }

  /** Shelf location like {@code D-13-01}. */
  static String location(SplittableRandom r) {
    return (char) ('A' + r.nextInt(8))
        + "-"
        + digits(1 + r.nextInt(20), 2)
        + "-"
        + digits(1 + r.nextInt(6), 2);
  }

  /** Zero-padded decimal without String.format (hot path: called per generated record). */
  static String digits(int value, int width) {
    String s = Integer.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  static String street(SplittableRandom r) {
    return (1 + r.nextInt(9_800)) + " " + SeededRandom.pick(r, STREETS);
  }
}
