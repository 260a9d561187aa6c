package dev.switchboard.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * One configured connection, checked against the connector's {@link Schema} with defaults
 * applied. Secret fields are only reachable through {@link #secret(String)}.
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

  public Duration duration(String key) {
    return Durations.tryParse(values.path(key).asText());
  }

  public Secret secret(String key) {
    return new Secret(string(key));
  }

  @Override
  public String toString() {
    return "ConnectionConfig[" + name + "]";
  }
}
