package dev.switchboard.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What the ledger of one partition knows, by command id: whether the command's execution started or
 * finished, and where in the ledger partition its latest record is (to read the recorded outcome
 * back). Kept small so a million commands fit in 48 MiB: an id is held as its 128-bit MD5 digest (a
 * collision between two ids of one partition is not a practical concern), in open-addressing
 * arrays, with no object per entry. Not thread-safe: built by one restore thread, then used on the
 * event loop only.
 */
final class LedgerIndex {
  /** One id's entry: its latest ledger record's offset, and whether that record is a finish. */
  record Entry(long offset, boolean finished) {}

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("MD5 is part of every JRE", e);
            }
          });
  private static final long EMPTY = -1;

  private long[] hi = new long[1024];
  private long[] lo = new long[1024];

  /** {@code offset << 1 | finished}, or {@link #EMPTY}. */
  private long[] values = filled(1024);

  private int size;

  /** Records that {@code id}'s latest ledger record is at {@code offset}. */
  void put(String id, long offset, boolean finished) {
    put(digest(id), offset, finished);
  }

  /** The latest entry of {@code id}, or null when the ledger has none. */
  Entry get(String id) {
    byte[] d = digest(id);
    long h = word(d, 0);
    long l = word(d, 8);
    for (int i = slot(h, l); values[i] != EMPTY; i = (i + 1) & (values.length - 1)) {
      if (hi[i] == h && lo[i] == l) {
        return new Entry(values[i] >>> 1, (values[i] & 1) == 1);
      }
    }
    return null;
  }

  int size() {
    return size;
  }

  /** Bytes held by the arrays (what a million entries cost). */
  long bytes() {
    return 24L * values.length;
  }

  private void put(byte[] d, long offset, boolean finished) {
    if ((size + 1) * 4L > values.length * 3L) {
      grow();
    }
    long h = word(d, 0);
    long l = word(d, 8);
    int i = slot(h, l);
    while (values[i] != EMPTY && !(hi[i] == h && lo[i] == l)) {
      i = (i + 1) & (values.length - 1);
    }
    if (values[i] == EMPTY) {
      size++;
    }
    hi[i] = h;
    lo[i] = l;
    // A finish is never undone: a late "started" (a re-run racing its own record) keeps it.
    boolean keepFinished = values[i] != EMPTY && (values[i] & 1) == 1 && !finished;
    values[i] = keepFinished ? values[i] : offset << 1 | (finished ? 1 : 0);
  }

  private void grow() {
    long[] oldHi = hi;
    long[] oldLo = lo;
    long[] oldValues = values;
    hi = new long[oldValues.length * 2];
    lo = new long[oldValues.length * 2];
    values = filled(oldValues.length * 2);
    size = 0;
    for (int j = 0; j < oldValues.length; j++) {
      if (oldValues[j] != EMPTY) {
        int i = slot(oldHi[j], oldLo[j]);
        while (values[i] != EMPTY) {
          i = (i + 1) & (values.length - 1);
        }
        hi[i] = oldHi[j];
        lo[i] = oldLo[j];
        values[i] = oldValues[j];
        size++;
      }
    }
  }

  private int slot(long h, long l) {
    return (int) ((h ^ l) & (values.length - 1));
  }

  private static long[] filled(int n) {
    long[] a = new long[n];
    Arrays.fill(a, EMPTY);
    return a;
  }

  private static byte[] digest(String id) {
    return MD5.get().digest(id.getBytes(StandardCharsets.UTF_8));
  }

  private static long word(byte[] d, int from) {
    long w = 0;
    for (int i = from; i < from + 8; i++) {
      w = w << 8 | (d[i] & 0xff);
    }
    return w;
  }
}
