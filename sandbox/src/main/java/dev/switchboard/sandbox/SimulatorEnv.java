package dev.switchboard.sandbox;

import java.time.Clock;
import java.util.Objects;

/**
 * What every simulator is started with besides its own configuration.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1}
 * @param port port to bind; 0 for an ephemeral one
 * @param clock measures token lifetimes and signature windows; tests inject a mutable one
 */
public record SimulatorEnv(String host, int port, Clock clock) {
  public SimulatorEnv {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65_535) throw new IllegalArgumentException("bad port " + port);
  }
}
