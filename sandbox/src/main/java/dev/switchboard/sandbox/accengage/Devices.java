package dev.switchboard.sandbox.accengage;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.sandbox.kit.SeededRandom;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * An app's devices, for the CSV export (CERTAIN: {@code ;}-separated with a header row, optional
 * {@code lastOpen=YYYY-MM-DD}, §3.4) and the device profile (ASSUMPTION). Columns are an
 * ASSUMPTION. The export is ordered by last open, most recent first, so the devices opened since a
 * date are a prefix of the list and the filter costs a binary search, never a scan: half a million
 * devices (5,000 pages) are served without materialising any.
 *
 * <p>Device ids are UUID-shaped; the last 12 hex digits are an invertible scramble of the index
 * (seeded), so a profile lookup decodes and re-generates instead of searching, while neighbouring
 * devices still get unrelated-looking ids.
 */
final class Devices {
  static final String CSV_HEADER = "deviceId;lastOpen;platform;appVersion;optin;country";
  private static final long BITS48 = 0xFFFF_FFFF_FFFFL;
  private static final long MUL_A = 0x9E3779B97F4BL;
  private static final long MUL_B = 0xC2B2AE3D27D5L;
  private static final long INV_A = inverse(MUL_A);
  private static final long INV_B = inverse(MUL_B);
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  record Device(
      String id,
      LocalDate lastOpen,
      LocalDate firstOpen,
      String platform,
      String appVersion,
      boolean optin,
      FakePush.Country country,
      String model,
      String osVersion,
      int sessions) {}

  private final long seed;
  private final long configured;
  private final String platform;
  private final long mask;

  Devices(long seed, long configured, String platform) {
    this.seed = seed;
    this.configured = configured;
    this.platform = platform;
    this.mask = SeededRandom.mix(seed ^ Seeds.DEVICES) & BITS48;
  }

  /** Devices in the export: the configured count, or {@code devicePages} full pages. */
  long total(AccengageScenario scenario, int pageSize) {
    return scenario.devicePages() == null ? configured : (long) scenario.devicePages() * pageSize;
  }

  /**
   * Days between {@link FakePush#LAST_DAY} and the last open of device {@code index}:
   * non-decreasing.
   */
  static long daysAgo(long index, long total) {
    return total <= 1 ? 0 : index * FakePush.SPAN_DAYS / total;
  }

  /** How many devices (a prefix) were last opened on or after {@code since}. */
  static long countOpenedSince(LocalDate since, long total) {
    long maxDaysAgo = ChronoUnit.DAYS.between(since, FakePush.LAST_DAY);
    long lo = 0;
    long hi = total;
    while (lo < hi) { // first index opened before `since`
      long mid = (lo + hi) >>> 1;
      if (daysAgo(mid, total) > maxDaysAgo) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  String id(long index) {
    SplittableRandom r = SeededRandom.rng(seed, Seeds.DEVICES, index);
    long a = r.nextLong();
    long b = r.nextLong();
    return String.format(
        Locale.ROOT,
        "%08x-%04x-4%03x-%04x-%012x",
        a >>> 32,
        (a >>> 16) & 0xFFFF,
        a & 0xFFF,
        0x8000 | (b & 0x3FFF),
        scramble(index));
  }

  /** The index of device {@code id} among {@code total}, or -1. Hex case is ignored. */
  long indexOf(String id, long total) {
    String v = id == null ? "" : id.toLowerCase(Locale.ROOT);
    if (!UUID.matcher(v).matches()) return -1;
    long index = unscramble(Long.parseLong(v.substring(24), 16));
    return index >= 0 && index < total && id(index).equals(v) ? index : -1;
  }

  /** A bijection on 48 bits: multiply by odd constants, fold the high half down, xor the seed. */
  private long scramble(long index) {
    long x = (index * MUL_A) & BITS48;
    x ^= x >>> 24;
    x = (x * MUL_B) & BITS48;
    return (x ^ (x >>> 24)) ^ mask;
  }

  private long unscramble(long value) {
    long x = value ^ mask;
    x ^= x >>> 24; // x ^ (x >>> 24) is its own inverse on 48 bits
    x = (x * INV_B) & BITS48;
    x ^= x >>> 24;
    return (x * INV_A) & BITS48;
  }

  /** The inverse of an odd number modulo 2^64 (hence 2^48), by Newton's iteration. */
  private static long inverse(long odd) {
    long inv = odd;
    for (int i = 0; i < 5; i++) inv *= 2 - odd * inv;
    return inv;
  }

  Device device(long index, long total) {
    SplittableRandom r = SeededRandom.rng(seed, Seeds.DEVICES, index);
    r.nextLong(); // the id's randomness
    r.nextLong();
    LocalDate last = FakePush.LAST_DAY.minusDays(daysAgo(index, total));
    boolean ios = platform.equals("ios");
    return new Device(
        id(index),
        last,
        last.minusDays(r.nextInt(600)),
        platform,
        FakePush.APP_VERSIONS[
            Math.min(r.nextInt(3) + r.nextInt(4), FakePush.APP_VERSIONS.length - 1)],
        r.nextInt(10) < 7,
        SeededRandom.pick(r, FakePush.COUNTRIES),
        SeededRandom.pick(r, ios ? FakePush.IOS_MODELS : FakePush.ANDROID_MODELS),
        SeededRandom.pick(r, ios ? FakePush.IOS_VERSIONS : FakePush.ANDROID_VERSIONS),
        1 + r.nextInt(400));
  }

  void csvRow(StringBuilder out, long index, long total) {
    Device d = device(index, total);
    out.append(d.id())
        .append(';')
        .append(d.lastOpen())
        .append(';')
        .append(d.platform())
        .append(';')
        .append(d.appVersion())
        .append(';')
        .append(d.optin() ? '1' : '0')
        .append(';')
        .append(d.country().code())
        .append('\n');
  }

  /** The device profile (ASSUMPTION: members invented, camelCase like {@code lastOpen}). */
  void writeProfile(JsonGenerator g, long index, long total) throws IOException {
    Device d = device(index, total);
    g.writeStartObject();
    g.writeStringField("deviceId", d.id());
    g.writeStringField("platform", d.platform());
    g.writeStringField("appVersion", d.appVersion());
    g.writeStringField("osVersion", d.osVersion());
    g.writeStringField("model", d.model());
    g.writeBooleanField("optin", d.optin());
    g.writeStringField("country", d.country().code());
    g.writeStringField("language", d.country().language());
    g.writeStringField("timezone", d.country().timezone());
    g.writeStringField("firstOpen", d.firstOpen().toString());
    g.writeStringField("lastOpen", d.lastOpen().toString());
    g.writeNumberField("sessions", d.sessions());
    g.writeEndObject();
  }
}
