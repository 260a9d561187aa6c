package dev.switchboard.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sends an answer (a terminal event, a DLQ record) until Kafka acknowledges it: a send that fails
 * with a retriable Kafka error (the broker is down, restarting, or has too few in-sync replicas) is
 * tried again after a backoff, however long the broker takes to come back. So a command is never
 * left without an answer, nor answered with an error that only meant "try later". A non-retriable
 * failure (record too large, topic not authorized) ends at once: the caller decides what to send
 * instead. {@link #cancel()} (shutdown past its grace) stops it.
 *
 * <p>Event-loop confined: attempts and timers run on the command's event loop.
 */
final class Resend {
  /** Runs {@code task} after {@code delayMs} on the event loop. */
  @FunctionalInterface
  interface Timer {
    void after(long delayMs, Runnable task);
  }

  /** Thrown into the answer's future when the command was abandoned while retrying. */
  static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("abandoned at shutdown", null, false, false);
    }
  }

  static final long FIRST_BACKOFF_MS = 100;
  static final long MAX_BACKOFF_MS = 5_000;

  private final Timer timer;
  private final Consumer<Throwable> onRetry;
  private boolean cancelled;

  /**
   * @param onRetry told of each failure that will be retried (logs, metrics)
   */
  Resend(Timer timer, Consumer<Throwable> onRetry) {
    this.timer = timer;
    this.onRetry = onRetry;
  }

  /** True for failures that another attempt may get past. */
  static boolean retriable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }

  /** Calls {@code attempt} until it succeeds, fails non-retriably, or this is cancelled. */
  <T> Future<T> untilAcked(Supplier<Future<T>> attempt) {
    Promise<T> done = Promise.promise();
    tryOnce(attempt, done, FIRST_BACKOFF_MS);
    return done.future();
  }

  void cancel() {
    cancelled = true;
  }

  boolean cancelled() {
    return cancelled;
  }

  private <T> void tryOnce(Supplier<Future<T>> attempt, Promise<T> done, long backoffMs) {
    if (cancelled) {
      done.tryFail(new Cancelled());
      return;
    }
    attempt
        .get()
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                done.tryComplete(ar.result());
              } else if (!retriable(ar.cause()) || cancelled) {
                done.tryFail(cancelled ? new Cancelled() : ar.cause());
              } else {
                onRetry.accept(ar.cause());
                timer.after(
                    backoffMs,
                    () -> tryOnce(attempt, done, Math.min(MAX_BACKOFF_MS, backoffMs * 2)));
              }
            });
  }
}
