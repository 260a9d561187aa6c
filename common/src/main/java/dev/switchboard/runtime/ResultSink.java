package dev.switchboard.runtime;

import io.vertx.core.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Where the events of one command go: its reply topic, keyed by command id, with its headers. */
@FunctionalInterface
interface ResultSink {
  /**
   * Sends one serialized result event; the future completes, with where Kafka wrote it, when Kafka
   * acknowledged it.
   */
  Future<RecordMetadata> send(String type, byte[] event);
}
