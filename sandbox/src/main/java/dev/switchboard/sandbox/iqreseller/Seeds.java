package dev.switchboard.sandbox.iqreseller;

import java.util.SplittableRandom;

/** Per-record random streams: record {@code i} of list {@code stream} depends only on (seed, i). */
final class Seeds {
  static final int SALES_ORDERS = 1;
  static final int INVENTORIES = 2;
  static final int ITEMS = 3;
  static final int CVS = 4;

  private Seeds() {}

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
}
