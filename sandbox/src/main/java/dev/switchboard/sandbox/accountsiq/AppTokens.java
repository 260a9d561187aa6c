package dev.switchboard.sandbox.accountsiq;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 2.0 access and refresh tokens (§1.4). Lifetimes are not published: access {@link
 * AccountsIqSettings#accessTokenTtl()}, refresh {@link AccountsIqSettings#refreshTokenTtl()}
 * (ASSUMPTIONS). Refresh tokens are single-use and rotated: TokenRefresh consumes one and issues a
 * new pair (the Postman script overwrites both). Expired access tokens stay known, so they are
 * reported as expired rather than invalid.
 */
final class AppTokens {
  /** An access token of {@code clientId}. */
  static final class Access {
    final String clientId;
    volatile Instant expiresAt;
    final AtomicInteger calls = new AtomicInteger();

    Access(String clientId, Instant expiresAt) {
      this.clientId = clientId;
      this.expiresAt = expiresAt;
    }
  }

  private record Refresh(String clientId, Instant expiresAt, String accessToken) {}

  /** A new pair. */
  record Pair(String accessToken, String refreshToken) {}

  private final Map<String, Access> access = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final AccountsIqSettings settings;

  AppTokens(Clock clock, AccountsIqSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  Pair issue(String clientId) {
    Instant now = clock.instant();
    // JWT-looking but opaque: connectors must not parse it.
    String a = "eyJ" + random(48);
    String r = random(32);
    access.put(a, new Access(clientId, now.plus(settings.accessTokenTtl())));
    refresh.put(r, new Refresh(clientId, now.plus(settings.refreshTokenTtl()), a));
    return new Pair(a, r);
  }

  /** The access token's record, or null if it was never issued (or was revoked). */
  Access access(String token) {
    return token == null ? null : access.get(token);
  }

  boolean expired(Access a) {
    return !clock.instant().isBefore(a.expiresAt);
  }

  /**
   * Consumes {@code refreshToken} of {@code clientId} and issues a new pair; null if the refresh
   * token is unknown, already used, expired or another client's.
   */
  Pair rotate(String clientId, String refreshToken) {
    Refresh r = refreshToken == null ? null : refresh.remove(refreshToken);
    if (r == null || !r.clientId().equals(clientId) || !clock.instant().isBefore(r.expiresAt()))
      return null;
    if (settings.refreshRevokesAccessToken()) access.remove(r.accessToken());
    return issue(clientId);
  }

  /** The test hook: every access token is expired now (refresh tokens stay valid). */
  void expireAllAccessTokens() {
    Instant now = clock.instant();
    access.values().forEach(a -> a.expiresAt = now);
  }

  void revoke(String token) {
    access.remove(token);
  }

  int activeAccess() {
    Instant now = clock.instant();
    return (int) access.values().stream().filter(a -> now.isBefore(a.expiresAt)).count();
  }

  private String random(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
