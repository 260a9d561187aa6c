package dev.switchboard.sandbox;

import io.vertx.core.Future;

/**
 * A provider simulator that is listening: where it is and how to stop it. Each simulator type adds
 * its own URLs, stats and scenario control.
 */
public interface RunningSimulator {
  /** The interface it listens on. */
  String host();

  /** Its port (the actual one when started with port 0). */
  int port();

  /** {@code http://host:port}, without a trailing slash. */
  default String origin() {
    String h = host().contains(":") ? "[" + host() + "]" : host();
    return "http://" + h + ":" + port();
  }

  /** Root of the control API: {@code http://host:port/_sandbox/}. */
  default String controlUrl() {
    return origin() + "/_sandbox/";
  }

  /** A snapshot of its counters, for tests; also served as JSON by {@code GET /_sandbox/stats}. */
  Object stats();

  /** Stops the server. The Vert.x instance is the caller's and stays open. */
  Future<Void> close();
}
