package dev.switchboard.bench.baseline;

import java.util.concurrent.CompletableFuture;

/** What one provider can do with a command. */
interface ProviderOperations {
  /**
   * Starts the command. The future completes when its {@code completed} event (and every {@code
   * record} event before it) is acknowledged by Kafka; it fails with a {@link CommandFailure} (or
   * an I/O error) when the provider call failed, which the caller turns into a {@code failed}
   * event, or with a {@link ResultPublisher.PublishFailure}. May block briefly (a login) but never
   * for a whole list.
   */
  CompletableFuture<Void> start(Command c, ResultPublisher out);
}
