package dev.switchboard.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * One configured connection, checked against the connector's {@link Schema} with defaults applied.
 * Secret fields are only reachable through {@link #secret(String)}.
 *
 * @param name the connection id that commands name
 * @param values validated values
 */
public record ConnectionConfig(String name, ObjectNode values) {

  public String string(String key) {
    JsonNode n = values.get(key);
    return n == null || n.isNull() ? null : n.asText();
  }

  public long integer(String key) {
    return values.path(key).asLong();
  }

  public boolean bool(String key) {
    return values.path(key).asBoolean();
  }

  /** The duration, or null when the key is unset (an optional duration without a default). */
  public Duration duration(String key) {
    String text = string(key);
    return text == null ? null : Durations.tryParse(text);
  }

  /**
   * A nested object field (e.g. one declared with {@link Schema.Builder#oneOf}), read the same way:
   * its secrets too only through {@link #secret(String)}.
   */
  public ConnectionConfig object(String key) {
    return new ConnectionConfig(name, (ObjectNode) values.get(key));
  }

  public Secret secret(String key) {
    return new Secret(string(key));
  }

  @Override
  public String toString() {
    return "ConnectionConfig[" + name + "]";
  }
}
