package dev.switchboard.bench.baseline;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AccountsIQ 1.1 session tokens from {@code Login(companyID, partnerKey, userKey)}, one per
 * connection and shared by all its commands. A token is reused until its lifetime minus a safety
 * margin has passed, or until an answer says it expired. Logins are synchronized per connection, so
 * concurrent commands of one connection cause one login, not one each.
 */
final class AccountsIqSessions {
  /** A connection's credentials as given in peer.properties. */
  record Credentials(String companyId, String partnerKey, String userKey) {}

  private record Token(String value, long renewAtNanos) {}

  private final SoapClient soap;
  private final Map<String, Credentials> credentials;
  private final long useForNanos;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  AccountsIqSessions(SoapClient soap, Map<String, Credentials> credentials, long lifetimeMs) {
    this.soap = soap;
    this.credentials = Map.copyOf(credentials);
    // Margin: a tenth of the lifetime, at most two minutes (20 min tokens are used 18 min).
    long marginMs = Math.min(lifetimeMs / 10, 120_000);
    this.useForNanos = (lifetimeMs - marginMs) * 1_000_000;
  }

  boolean knows(String connection) {
    return credentials.containsKey(connection);
  }

  /** A token that is still fresh, logging in first when there is none. Blocks. */
  String token(String connection) {
    Token t = tokens.get(connection);
    return t != null && System.nanoTime() - t.renewAtNanos < 0 ? t.value : renew(connection, null);
  }

  /**
   * A new token after {@code stale} was refused or grew old. If another command already got a fresh
   * one, that is used and no second login happens.
   */
  String renew(String connection, String stale) {
    synchronized (locks.computeIfAbsent(connection, k -> new Object())) {
      Token current = tokens.get(connection);
      if (current != null
          && !current.value.equals(stale)
          && System.nanoTime() - current.renewAtNanos < 0) {
        return current.value;
      }
      long loginStarted = System.nanoTime();
      String fresh = login(connection);
      tokens.put(connection, new Token(fresh, loginStarted + useForNanos));
      return fresh;
    }
  }

  private String login(String connection) {
    Credentials c = credentials.get(connection);
    SoapClient.Answer a;
    try {
      a =
          soap.callAndWait(
              "Login", "companyID", c.companyId, "partnerKey", c.partnerKey, "userKey", c.userKey);
    } catch (IOException e) {
      throw CommandFailure.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("INTERNAL", "interrupted while logging in");
    }
    String token = a.body().path("LoginResult").asText("");
    if (a.httpStatus() != 200 || token.isBlank()) {
      // A refused login answers an empty LoginResponse or a SOAP fault, never a reason.
      throw new CommandFailure("AUTH", "AccountsIQ refused the login of " + connection);
    }
    return token;
  }
}
