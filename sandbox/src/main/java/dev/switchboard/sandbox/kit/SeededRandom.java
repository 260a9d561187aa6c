package dev.switchboard.sandbox.kit;

import java.util.SplittableRandom;

/**
 * Per-record random streams shared by the simulators: record {@code index} of list {@code stream}
 * depends only on {@code (seed, stream, index)}, so a million records cost no memory and two runs
 * with one seed serve identical data.
 */
public final class SeededRandom {
  private SeededRandom() {}

  public static SplittableRandom rng(long seed, int stream, long index) {
    long h = mix(seed ^ (stream * 0x9E3779B97F4A7C15L));
    return new SplittableRandom(mix(h ^ index));
  }

  /** SplitMix64 finaliser: neighbouring indices give unrelated streams. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
