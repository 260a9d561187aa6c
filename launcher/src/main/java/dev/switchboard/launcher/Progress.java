package dev.switchboard.launcher;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of {@code send --quiet}: records, seconds and records/s since the first record
 * (the wait for the platform to start answering is not throughput). On a terminal one line is
 * rewritten with {@code \r}; elsewhere (a log file, CI) a plain line is printed every ~2 s, since
 * {@code \r} rewrites turn into one unreadable line there.
 */
final class Progress {
  private static final long LINE_EVERY_NANOS = 2_000_000_000L;
  private static final int REWRITE_EVERY_RECORDS = 500;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private long records;
  private long first;
  private long lastLine;

  Progress(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  /** For stderr: a terminal when the JVM has a console. */
  static Progress onStderr(PrintWriter err) {
    return new Progress(err, System.console() != null, System::nanoTime);
  }

  void record() {
    long now = nanoTime.getAsLong();
    if (records++ == 0) {
      first = now;
      lastLine = now;
    }
    if (terminal) {
      if (records % REWRITE_EVERY_RECORDS == 0) {
        err.print("\r" + line(now));
        err.flush();
      }
    } else if (now - lastLine >= LINE_EVERY_NANOS) {
      err.println(line(now));
      lastLine = now;
    }
  }

  /** The last count, when there was any record; ends the rewritten line. */
  void finish() {
    if (records > 0) {
      err.println((terminal ? "\r" : "") + line(nanoTime.getAsLong()));
    }
  }

  long records() {
    return records;
  }

  private String line(long now) {
    double s = (now - first) / 1e9;
    return String.format(
        Locale.ROOT,
        "%,d records  %.1f s  %,.0f records/s",
        records,
        s,
        records / Math.max(s, 1e-3));
  }
}
