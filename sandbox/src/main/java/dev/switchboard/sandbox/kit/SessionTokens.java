package dev.switchboard.sandbox.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Opaque session tokens with a lifetime counted from login or, when sliding, from the last use;
 * measured with the injected clock, so a test of a 60-minute expiry takes milliseconds. Expired
 * sessions are dropped lazily, on lookup. Thread-safe.
 *
 * @param <O> who owns a session (a tenant, a company id)
 */
public final class SessionTokens<O> {
  /** A live session. */
  public static final class Session<O> {
    public final String token;
    public final O owner;

    /** Calls made with it, for a scenario's "expire after N calls". */
    public final AtomicInteger calls = new AtomicInteger();

    private final Instant created;
    private volatile Instant lastUsed;
    private volatile boolean forcedExpired;

    private Session(String token, O owner, Instant now) {
      this.token = token;
      this.owner = owner;
      this.created = now;
      this.lastUsed = now;
    }
  }

  private final Map<String, Session<O>> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;
  private final boolean sliding;
  private final Supplier<String> newToken;

  /**
   * @param sliding true: each use restarts the lifetime (an idle timeout)
   */
  public SessionTokens(Clock clock, Duration ttl, boolean sliding, Supplier<String> newToken) {
    this.clock = clock;
    this.ttl = ttl;
    this.sliding = sliding;
    this.newToken = newToken;
  }

  public Session<O> create(O owner) {
    Session<O> s = new Session<>(newToken.get(), owner, clock.instant());
    sessions.put(s.token, s);
    return s;
  }

  /** The live session of {@code token}, its idle timer restarted when sliding; null if none. */
  public Session<O> touch(String token) {
    Session<O> s = token == null ? null : sessions.get(token);
    if (s == null) return null;
    Instant now = clock.instant();
    if (expired(s, now)) {
      sessions.remove(token);
      return null;
    }
    if (sliding) s.lastUsed = now;
    return s;
  }

  /** Ends a session; false if there was none. */
  public boolean remove(String token) {
    return token != null && sessions.remove(token) != null;
  }

  /** The test hook "the provider expired my token": every session is over now. */
  public void expireAll() {
    sessions.values().forEach(s -> s.forcedExpired = true);
  }

  /** Sessions alive now. */
  public int active() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    return sessions.size();
  }

  private boolean expired(Session<O> s, Instant now) {
    return s.forcedExpired || !now.isBefore((sliding ? s.lastUsed : s.created).plus(ttl));
  }
}
