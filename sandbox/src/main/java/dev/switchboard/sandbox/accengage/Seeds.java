package dev.switchboard.sandbox.accengage;

import java.util.SplittableRandom;

/** Per-record random streams: record {@code i} of list {@code stream} of an app depends only on (seed, i). */
final class Seeds {
  static final int APPS = 1;
  static final int MESSAGES = 2;
  static final int SEGMENTS = 3;
  static final int DEVICES = 4;
  static final int IDS = 5;

  private Seeds() {}

  /** The seed of app number {@code appIndex} of a user. */
  static long appSeed(long userSeed, int appIndex) {
    return mix(userSeed ^ mix(0x5EEDL + appIndex));
  }

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
