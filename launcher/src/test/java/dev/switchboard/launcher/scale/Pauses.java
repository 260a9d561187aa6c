package dev.switchboard.launcher.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The longest time without an answer while answers were owed: over a stream of sends and first
 * answers (wall-clock millis), the longest interval in which at least one command was waiting and
 * none was answered. Idle time with nothing owed does not count.
 */
final class Pauses {
  private final List<long[]> events = new ArrayList<>(); // {time, +1 send | -1 answer}

  void sent(long at) {
    events.add(new long[] {at, 1});
  }

  void answered(long at) {
    events.add(new long[] {at, -1});
  }

  long longestMs() {
    events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> -e[1]));
    long owed = 0;
    long since = 0;
    long longest = 0;
    for (long[] e : events) {
      if (e[1] > 0) {
        if (owed++ == 0) {
          since = e[0];
        }
      } else {
        longest = Math.max(longest, e[0] - since);
        since = e[0];
        owed = Math.max(0, owed - 1);
      }
    }
    return longest;
  }
}
