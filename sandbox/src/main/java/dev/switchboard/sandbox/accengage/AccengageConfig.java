package dev.switchboard.sandbox.accengage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the Accengage simulator: behaviour settings and the API users, keyed by the
 * email that {@code POST /v1/access_token} sends (matched exactly; ASSUMPTION).
 *
 * @param settings behaviour switches for every ASSUMPTION in provider-apis.md §3
 * @param users email to user; insertion order kept; each key equals its user's email
 */
public record AccengageConfig(AccengageSettings settings, Map<String, AccengageUser> users) {

  public AccengageConfig {
    Objects.requireNonNull(settings, "settings");
    users = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(users, "users")));
    users.forEach((email, user) -> {
      if (!email.equals(user.email())) throw new IllegalArgumentException("key " + email + " != " + user.email());
    });
  }

  /** Default settings and no users. */
  public static AccengageConfig defaults() {
    return new AccengageConfig(AccengageSettings.defaults(), Map.of());
  }

  public AccengageConfig withSettings(AccengageSettings s) {
    return new AccengageConfig(s, users);
  }

  /** Adds (or replaces) the user with {@code user.email()}. */
  public AccengageConfig withUser(AccengageUser user) {
    Map<String, AccengageUser> copy = new LinkedHashMap<>(users);
    copy.put(user.email(), user);
    return new AccengageConfig(settings, copy);
  }
}
