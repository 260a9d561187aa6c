package dev.switchboard.sandbox.accengage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Users by email. Fixed at start; only their scenarios and created messages change at runtime. */
final class UserRegistry {
  private final Map<String, UserState> byEmail;

  UserRegistry(AccengageConfig config) {
    Map<String, UserState> m = new LinkedHashMap<>();
    config.users().forEach((email, user) -> m.put(email, new UserState(user)));
    byEmail = Collections.unmodifiableMap(m);
  }

  /** The user with that email, or null. */
  UserState find(String email) {
    return email == null ? null : byEmail.get(email);
  }

  UserState require(String email) {
    UserState u = find(email);
    if (u == null) throw new IllegalArgumentException("no Accengage user " + email);
    return u;
  }
}
