package dev.switchboard.sandbox.kit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulator's writes did, for the duplicate-write count of a test: every applied write by
 * operation and by <em>write key</em> (what identifies one intended write: a business reference
 * where the provider has one, else the request's route and body), every write whose answer was
 * lost, and every write request that came again after its answer was lost (a blind re-send).
 * Duplicate writes = applied − distinct keys applied. Thread-safe.
 *
 * <p>Keys are kept as 64-bit digests: about 60 bytes per distinct write, so a long demo run grows
 * slowly; nothing is ever evicted. The keys of the latest {@value #LOST_KEYS_KEPT} lost answers are
 * kept as text, so a test can tell which writes they were.
 */
public final class WriteTally {
  public static final int LOST_KEYS_KEPT = 1_000;
  private final Map<String, LongAdder> applied = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> distinct = new ConcurrentHashMap<>();
  private final Set<Long> lostKeys = ConcurrentHashMap.newKeySet();
  private final LongAdder answersLost = new LongAdder();
  private final LongAdder resentAfterLoss = new LongAdder();
  private final Deque<String> recentLost = new ArrayDeque<>();

  /** A write request of {@code key} arrived (before any fault); counts a re-send after a loss. */
  public void arrived(String key) {
    if (lostKeys.contains(hash(key))) resentAfterLoss.increment();
  }

  /** Write {@code key} of operation (or route) {@code op} changed stored data. */
  public void applied(String op, String key) {
    applied.computeIfAbsent(op, k -> new LongAdder()).increment();
    distinct.computeIfAbsent(op, k -> ConcurrentHashMap.newKeySet()).add(hash(key));
  }

  /** The answer of applied write {@code key} was not delivered. */
  public void answerLost(String key) {
    lostKeys.add(hash(key));
    answersLost.increment();
    synchronized (recentLost) {
      recentLost.addLast(key);
      if (recentLost.size() > LOST_KEYS_KEPT) recentLost.removeFirst();
    }
  }

  /** The keys of the latest lost answers, oldest first (at most {@value #LOST_KEYS_KEPT}). */
  public List<String> recentLostKeys() {
    synchronized (recentLost) {
      return List.copyOf(recentLost);
    }
  }

  /** Applied writes per operation. */
  public Map<String, Long> applied() {
    Map<String, Long> out = new TreeMap<>();
    applied.forEach((k, v) -> out.put(k, v.sum()));
    return Map.copyOf(out);
  }

  /** Distinct write keys applied, per operation. */
  public Map<String, Long> distinct() {
    Map<String, Long> out = new TreeMap<>();
    distinct.forEach((k, v) -> out.put(k, (long) v.size()));
    return Map.copyOf(out);
  }

  public long answersLost() {
    return answersLost.sum();
  }

  public long resentAfterLoss() {
    return resentAfterLoss.sum();
  }

  /** A key from parts, e.g. route, path and a body digest, separated by a space. */
  public static String key(String... parts) {
    return String.join(" ", parts);
  }

  /** Lowercase hex SHA-256 of {@code bytes}. */
  public static String digest(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder b = new StringBuilder(64);
      for (byte x : d)
        b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long hash(String key) {
    String d = digest(key.getBytes(StandardCharsets.UTF_8));
    return Long.parseUnsignedLong(d.substring(0, 16), 16);
  }
}
