package dev.switchboard.runtime;

import java.util.TreeSet;

/**
 * Offsets of one partition that have been taken in but not finished. The committable offset is the
 * lowest unfinished one (or one past the highest taken when all are finished): a commit never
 * passes a command whose terminal event Kafka has not acknowledged, however out of order commands
 * finish. Event-loop confined.
 */
final class OffsetTracker {
  private final TreeSet<Long> open = new TreeSet<>();
  private long next = -1;

  /** Records that {@code offset} was taken in (in increasing order). */
  void taken(long offset) {
    open.add(offset);
    next = Math.max(next, offset + 1);
  }

  /** Records that the command at {@code offset} is finished (its terminal event acknowledged). */
  void finished(long offset) {
    open.remove(offset);
  }

  /** The offset to commit (the next one to consume), or -1 when nothing was taken. */
  long committable() {
    return open.isEmpty() ? next : open.first();
  }

  int openCount() {
    return open.size();
  }
}
