package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.kit.SeededRandom;

/**
 * Stream numbers for {@link SeededRandom}: record {@code i} of list {@code stream} of an app
 * depends only on (seed, i).
 */
final class Seeds {
  static final int APPS = 1;
  static final int MESSAGES = 2;
  static final int SEGMENTS = 3;
  static final int DEVICES = 4;
  static final int IDS = 5;

  private Seeds() {}

  /** The seed of app number {@code appIndex} of a user. */
  static long appSeed(long userSeed, int appIndex) {
    return SeededRandom.mix(userSeed ^ SeededRandom.mix(0x5EEDL + appIndex));
  }
}
