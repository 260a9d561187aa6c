package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.ConnectionGate;
import dev.switchboard.spi.Durations;
import java.time.Duration;

/**
 * The connection settings the runtime owns, whatever the provider: {@code rateLimit} ({@code
 * perSecond}, {@code burst}) and {@code breaker} ({@code openFor}), read and removed from a
 * connection's config before the connector validates the rest.
 */
final class ConnectionLimits {
  static final String RATE_LIMIT = "rateLimit";
  static final String BREAKER = "breaker";

  private ConnectionLimits() {}

  /** The gate settings of {@code config}, which loses the runtime's keys. */
  static ConnectionGate.Settings take(String connection, ObjectNode config) {
    JsonNode rate = config.remove(RATE_LIMIT);
    JsonNode breaker = config.remove(BREAKER);
    Duration openFor = ConnectionGate.Settings.DEFAULTS.openFor();
    if (breaker != null) {
      known(connection, BREAKER, breaker, "openFor");
      if (breaker.has("openFor")) {
        openFor = Durations.tryParse(breaker.get("openFor").asText());
        if (openFor == null || openFor.isNegative() || openFor.isZero()) {
          throw new IllegalArgumentException(
              "connection "
                  + connection
                  + ": breaker.openFor must be a positive duration such as 5s");
        }
      }
    }
    if (rate == null) {
      return new ConnectionGate.Settings(openFor, null, null);
    }
    known(connection, RATE_LIMIT, rate, "perSecond", "burst");
    double perSecond = rate.path("perSecond").asDouble(-1);
    int burst = rate.path("burst").asInt(-1);
    if (perSecond <= 0 || rate.has("burst") && burst < 1) {
      throw new IllegalArgumentException(
          "connection "
              + connection
              + ": rateLimit needs "
              + "perSecond > 0 and, if given, burst >= 1");
    }
    return new ConnectionGate.Settings(openFor, perSecond, rate.has("burst") ? burst : null);
  }

  private static void known(String connection, String key, JsonNode section, String... keys) {
    if (!section.isObject()) {
      throw new IllegalArgumentException(
          "connection " + connection + ": " + key + " must be a mapping");
    }
    java.util.Set<String> allowed = java.util.Set.of(keys);
    section
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                throw new IllegalArgumentException(
                    "connection "
                        + connection
                        + ": unknown setting "
                        + key
                        + "."
                        + f
                        + "; known: "
                        + new java.util.TreeSet<>(allowed));
              }
            });
  }
}
