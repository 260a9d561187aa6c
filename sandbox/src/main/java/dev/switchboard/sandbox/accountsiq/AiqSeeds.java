package dev.switchboard.sandbox.accountsiq;

import java.util.Base64;
import java.util.SplittableRandom;

/** Per-record random streams: record {@code i} of list {@code stream} depends only on (seed, i). */
final class AiqSeeds {
  static final int CUSTOMERS = 1;
  static final int SUPPLIERS = 2;
  static final int STOCK = 3;
  static final int INVOICES = 4;
  static final int TRANSACTIONS = 5;

  private AiqSeeds() {}

  static SplittableRandom rng(long seed, int stream, long index) {
    long h = mix(seed ^ (stream * 0x9E3779B97F4A7C15L));
    return new SplittableRandom(mix(h ^ index));
  }

  /** SplitMix64 finaliser: neighbouring indices give unrelated streams. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  /**
   * A RowVersionNumber: base64 of an 8-byte SQL Server rowversion, e.g. {@code AAAAAAAB9x0=}
   * (§1.6 example). Derived from {@code (seed, stream, index, version)} so it is reproducible.
   */
  static String rowVersion(long seed, int stream, long index, long version) {
    long v = (mix(seed ^ stream ^ (index << 20) ^ version) & 0x0000_0000_FFFF_FFFFL) | (version << 32);
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return Base64.getEncoder().encodeToString(b);
  }

  static String digits(long value, int width) {
    String s = Long.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
