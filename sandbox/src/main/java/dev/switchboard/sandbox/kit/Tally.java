package dev.switchboard.sandbox.kit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per key (tenant, route, operation, status): written on event loops, read by test threads.
 *
 * @param <K> the key, sorted in snapshots so stats read the same on every run
 */
public final class Tally<K extends Comparable<K>> {
  private final Map<K, LongAdder> counts = new ConcurrentHashMap<>();

  public void add(K key) {
    add(key, 1);
  }

  public void add(K key, long n) {
    counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }

  /** The counts now, sorted by key. */
  public Map<K, Long> snapshot() {
    Map<K, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return Collections.unmodifiableMap(out);
  }
}
