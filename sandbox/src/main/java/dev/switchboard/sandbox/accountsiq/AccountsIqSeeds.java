package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.SeededRandom;
import java.util.Base64;

/**
 * Stream numbers for {@link SeededRandom}: record {@code i} of list {@code stream} depends only on
 * (seed, i).
 */
final class AccountsIqSeeds {
  static final int CUSTOMERS = 1;
  static final int SUPPLIERS = 2;
  static final int STOCK = 3;
  static final int INVOICES = 4;
  static final int TRANSACTIONS = 5;

  private AccountsIqSeeds() {}

  /**
   * A RowVersionNumber: base64 of an 8-byte SQL Server rowversion, e.g. {@code AAAAAAAB9x0=} (§1.6
   * example). Derived from {@code (seed, stream, index, version)} so it is reproducible.
   */
  static String rowVersion(long seed, int stream, long index, long version) {
    long v =
        (SeededRandom.mix(seed ^ stream ^ (index << 20) ^ version) & 0x0000_0000_FFFF_FFFFL)
            | (version << 32);
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
