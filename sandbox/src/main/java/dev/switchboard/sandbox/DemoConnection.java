package dev.switchboard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A connection to a demo tenant of a running simulator, as the provider's connector reads it: what
 * {@code switchboard run} configures when given no connections, and what {@code switchboard
 * sandbox} prints. Demo credentials are not secrets.
 *
 * @param name the connection's name, e.g. {@code acme}
 * @param about the tenant it reaches, for people, e.g. {@code demo tenant acme}
 * @param config the connection config (URLs and credentials)
 * @param exampleOperation an operation worth trying on it, or null
 */
public record DemoConnection(
    String name, String about, ObjectNode config, String exampleOperation) {
  public DemoConnection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(config, "config");
  }
}
