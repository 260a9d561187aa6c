package dev.switchboard.sandbox.accountsiq;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 1.1 session tokens issued by {@code Login} (§1.3): opaque, valid for
 * {@link AccountsIqSettings#loginTokenTtl()} (20 minutes), counted from Login or from the last
 * call ({@link AccountsIqSettings#loginTokenExpiry()}), measured with the injected clock so a test
 * of a 20-minute lifetime takes milliseconds.
 */
final class LoginTokens {
  /** A live session of {@code companyId}. */
  static final class Session {
    final String token;
    final String companyId;
    final Instant created;
    volatile Instant lastUsed;
    volatile boolean forcedExpired;
    final AtomicInteger calls = new AtomicInteger();

    Session(String token, String companyId, Instant now) {
      this.token = token;
      this.companyId = companyId;
      this.created = now;
      this.lastUsed = now;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final AccountsIqSettings settings;

  LoginTokens(Clock clock, AccountsIqSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  Session create(String companyId) {
    Session s = new Session(UUID.randomUUID().toString(), companyId, clock.instant());
    sessions.put(s.token, s);
    return s;
  }

  /** The live session for {@code token} (its idle timer restarted if so configured); null if none. */
  Session touch(String token) {
    Session s = token == null ? null : sessions.get(token);
    if (s == null) return null;
    Instant now = clock.instant();
    if (expired(s, now)) {
      sessions.remove(token);
      return null;
    }
    if (settings.loginTokenExpiry() == AccountsIqSettings.TokenExpiry.IDLE) s.lastUsed = now;
    return s;
  }

  void remove(String token) {
    sessions.remove(token);
  }

  /** The test hook "the provider expired my token": every session is over now. */
  void expireAll() {
    sessions.values().forEach(s -> s.forcedExpired = true);
  }

  int active() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    return sessions.size();
  }

  private boolean expired(Session s, Instant now) {
    Instant from = settings.loginTokenExpiry() == AccountsIqSettings.TokenExpiry.IDLE ? s.lastUsed : s.created;
    return s.forcedExpired || !now.isBefore(from.plus(settings.loginTokenTtl()));
  }
}
