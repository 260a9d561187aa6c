package dev.switchboard.runtime;

import io.vertx.core.Future;

/** Where the events of one command go: its reply topic, keyed by command id, with its headers. */
@FunctionalInterface
interface ResultSink {
  /** Sends one serialized result event; the future completes when Kafka acknowledged it. */
  Future<Void> send(String type, byte[] event);
}
