package dev.switchboard.auth;

import java.time.Instant;

/**
 * A credential with its lifetime.
 *
 * @param value the token (a session id, an access token, a token pair)
 * @param expiresAt when the provider stops accepting it, or null when unknown (then only the
 *     provider's expiry signal ends it)
 * @param refreshAt when to renew it ahead of expiry, or null for never proactively
 */
public record Token<T>(T value, Instant expiresAt, Instant refreshAt) {
  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public boolean dueForRefresh(Instant now) {
    return refreshAt != null && !now.isBefore(refreshAt);
  }

  @Override
  public String toString() {
    return "Token[expiresAt=" + expiresAt + "]";
  }
}
