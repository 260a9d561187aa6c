package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.SeededRandom;

/**
 * Stream numbers for {@link SeededRandom}: record {@code i} of list {@code stream} depends only on
 * (seed, i).
 */
final class Seeds {
  static final int SALES_ORDERS = 1;
  static final int INVENTORIES = 2;
  static final int ITEMS = 3;
  static final int CVS = 4;

  private Seeds() {}
}
