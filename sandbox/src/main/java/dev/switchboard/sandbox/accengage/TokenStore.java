package dev.switchboard.sandbox.accengage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Access tokens (opaque; the vendor's example is {@code "12345678"}). Lifetime is not published
 * (§3.3): {@link AccengageSettings#tokenTtl()} from issue, measured with the injected clock. Dead
 * tokens are remembered (for a day) so that the three documented {@code API_ERR_TOKEN} statuses can
 * be told apart: none sent 403, unknown or revoked 400, expired 401.
 */
final class TokenStore {
  private static final Duration REMEMBER_DEAD = Duration.ofDays(1);

  static final class Token {
    final String value;
    final UserState user;
    final Instant expires;
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean forcedExpired;
    volatile boolean revoked;

    Token(String value, UserState user, Instant expires) {
      this.value = value;
      this.user = user;
      this.expires = expires;
    }
  }

  enum Status {
    MISSING(403),
    INVALID(400),
    EXPIRED(401),
    VALID(200);

    final int httpStatus;

    Status(int httpStatus) {
      this.httpStatus = httpStatus;
    }
  }

  /** The outcome of a lookup; {@code token} is set for EXPIRED and VALID. */
  record Check(Status status, Token token) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final AccengageSettings settings;

  TokenStore(Clock clock, AccengageSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  Token issue(UserState user) {
    Instant now = clock.instant();
    tokens.values().removeIf(t -> t.expires.plus(REMEMBER_DEAD).isBefore(now));
    if (settings.revokePreviousTokens()) {
      tokens
          .values()
          .forEach(
              t -> {
                if (t.user == user) t.revoked = true;
              });
    }
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    Token t = new Token(HexFormat.of().formatHex(bytes), user, now.plus(settings.tokenTtl()));
    tokens.put(t.value, t);
    return t;
  }

  /** Looks up the token of an {@code Authorization: Bearer <token>} header. */
  Check check(String authorization) {
    if (authorization == null || authorization.isBlank()) return new Check(Status.MISSING, null);
    String v = authorization.trim();
    if (!v.regionMatches(true, 0, "Bearer ", 0, 7)) return new Check(Status.INVALID, null);
    Token t = tokens.get(v.substring(7).trim());
    if (t == null || t.revoked) return new Check(Status.INVALID, null);
    return new Check(expired(t, clock.instant()) ? Status.EXPIRED : Status.VALID, t);
  }

  void expire(Token t) {
    t.forcedExpired = true;
  }

  void expireAll() {
    tokens.values().forEach(this::expire);
  }

  int active() {
    Instant now = clock.instant();
    return (int) tokens.values().stream().filter(t -> !t.revoked && !expired(t, now)).count();
  }

  private static boolean expired(Token t, Instant now) {
    return t.forcedExpired || !now.isBefore(t.expires);
  }
}
