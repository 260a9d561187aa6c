package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.kit.Records;
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
  /** Email of the demo user in {@link #demo()}. */
  public static final String DEMO_EMAIL = "demo@shop.example";

  /** API key of the demo user. Not a secret. */
  public static final String DEMO_API_KEY = "demo-accengage-key";

  /** Partner ID of the demo user's app (the doc's example partner ID). */
  public static final String DEMO_PARTNER_ID = "12345678";

  public AccengageConfig {
    Objects.requireNonNull(settings, "settings");
    users =
        Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(users, "users")));
    users.forEach(
        (email, user) -> {
          if (!email.equals(user.email()))
            throw new IllegalArgumentException("key " + email + " != " + user.email());
        });
  }

  /** Default settings and no users. */
  public static AccengageConfig defaults() {
    return new AccengageConfig(AccengageSettings.defaults(), Map.of());
  }

  /**
   * The demo: user {@value #DEMO_EMAIL} (API key {@value #DEMO_API_KEY}, seed 42) managing app
   * {@value #DEMO_PARTNER_ID} with 250 messages, 40 segments and 25,000 devices (250 export pages).
   */
  public static AccengageConfig demo() {
    return defaults()
        .withUser(
            AccengageUser.of(DEMO_EMAIL, DEMO_API_KEY, 42, DEMO_PARTNER_ID)
                .withSizes(250, 40, 25_000));
  }

  public AccengageConfig withSettings(AccengageSettings s) {
    return Records.with(this, "settings", s);
  }

  /** Adds (or replaces) the user with {@code user.email()}. */
  public AccengageConfig withUser(AccengageUser user) {
    Map<String, AccengageUser> copy = new LinkedHashMap<>(users);
    copy.put(user.email(), user);
    return new AccengageConfig(settings, copy);
  }
}
