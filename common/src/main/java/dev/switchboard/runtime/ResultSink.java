package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/** Where the events of one command go: its reply topic, keyed by command id, with its headers. */
@FunctionalInterface
interface ResultSink {
  /** Sends one result event; the future completes when Kafka acknowledged it. */
  Future<Void> send(String type, ObjectNode event);
}
