package dev.switchboard.sandbox.iqreseller;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live sessions by opaque token. Lifetime is not published (provider-apis.md §2.2 step 5); it is
 * {@link IqResellerSettings#sessionIdleTtl()}, measured with the injected clock so a test of a
 * 60-minute expiry takes milliseconds. Expired sessions are dropped lazily, on lookup.
 */
final class SessionStore {
  static final class Session {
    final String token;
    final TenantState tenant;
    final Instant created;
    volatile Instant lastUsed;
    final AtomicInteger dataCalls = new AtomicInteger();

    Session(String token, TenantState tenant, Instant now) {
      this.token = token;
      this.tenant = tenant;
      this.created = now;
      this.lastUsed = now;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration ttl;
  private final boolean sliding;

  SessionStore(Clock clock, IqResellerSettings settings) {
    this.clock = clock;
    this.ttl = settings.sessionIdleTtl();
    this.sliding = settings.slidingSessionExpiry();
  }

  Session create(TenantState tenant) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Session s = new Session(token, tenant, clock.instant());
    sessions.put(token, s);
    return s;
  }

  /** The live session for {@code token}, its idle timer restarted; null if unknown or expired. */
  Session touch(String token) {
    if (token == null) return null;
    Session s = sessions.get(token);
    if (s == null) return null;
    Instant now = clock.instant();
    if (expired(s, now)) {
      sessions.remove(token);
      return null;
    }
    if (sliding) s.lastUsed = now;
    return s;
  }

  boolean remove(String token) {
    return token != null && sessions.remove(token) != null;
  }

  void expireAll() {
    sessions.clear();
  }

  int active() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    return sessions.size();
  }

  private boolean expired(Session s, Instant now) {
    Instant from = sliding ? s.lastUsed : s.created;
    return !now.isBefore(from.plus(ttl));
  }
}
