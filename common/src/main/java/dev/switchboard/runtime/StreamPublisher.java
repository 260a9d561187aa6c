package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.ErrorInfo;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.message.ResultEvents;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.OperationSpec.Kind;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.reactivestreams.Subscription;

/**
 * Publishes an operation's records to Kafka with end-to-end backpressure: records are requested
 * in small batches only while fewer than {@code window} records and {@code windowBytes} bytes of
 * the command are sent but unacknowledged, so the bytes between the provider stream and the
 * broker stay under about {@code windowBytes} plus one batch, however large the result set.
 * After the last acknowledgement it sends the single terminal event; {@link #done()} completes
 * when Kafka acknowledged that too. Signals must arrive on the event loop (the caller uses
 * {@code observeOn}); all state is confined to it.
 */
final class StreamPublisher implements FlowableSubscriber<JsonNode> {
  /** How a command ended, for metrics and logs. */
  record Outcome(String type, long records, String errorCode) {}

  private final ResultSink sink;
  private final ResultSink fallback;
  private final Invocation invocation;
  private final Kind kind;
  /** Demand is granted in batches this big, so a burst of huge records overshoots little. */
  private static final int BATCH = 64;
  private final int window;
  private final int windowBytes;
  private final long startNanos = System.nanoTime();
  private final Promise<Outcome> done = Promise.promise();
  private Subscription subscription;
  private long seq;
  private long unacked;
  private long unackedBytes;
  private long credit;
  private JsonNode single;
  private Throwable failure;
  private boolean upstreamDone;
  private boolean terminalSent;

  /**
   * @param fallback where a {@code failed} event goes when the terminal event cannot be
   *     published (reply topic gone or forbidden, result over the size limit), so the command
   *     still gets its one answer and its offset can be committed
   */
  StreamPublisher(ResultSink sink, ResultSink fallback, Invocation invocation, Kind kind,
      int window, int windowBytes) {
    this.sink = sink;
    this.fallback = fallback;
    this.invocation = invocation;
    this.kind = kind;
    this.window = window;
    this.windowBytes = windowBytes;
  }

  Future<Outcome> done() {
    return done.future();
  }

  /** Stops the stream (shutdown past its grace); no terminal event is sent. */
  void abandon() {
    if (subscription != null) {
      subscription.cancel();
    }
    done.tryFail("abandoned at shutdown");
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription = s;
    if (kind == Kind.SINGLE) {
      s.request(2); // 2: to notice a second result, which is a bug
    } else {
      topUp();
    }
  }

  /**
   * Grants more demand while the command is under both windows, a batch at a time: called when
   * a record arrives as well as when one is acknowledged, so demand keeps the whole window
   * filled. (Topping up only on acks kept one batch in flight: 64 records per producer round
   * trip, about 9,000 records/s whatever the window; benchmark W2 found it.)
   */
  private void topUp() {
    if (upstreamDone || unackedBytes >= windowBytes || credit > BATCH / 2) {
      return;
    }
    long want = Math.min(window - unacked - credit, BATCH - credit);
    if (want > 0) {
      credit += want;
      subscription.request(want);
    }
  }

  @Override
  public void onNext(JsonNode data) {
    if (kind == Kind.SINGLE) {
      if (single != null) {
        subscription.cancel();
        onError(new SwitchboardException("INTERNAL_ERROR", Category.INTERNAL,
            "single-result operation returned more than one result"));
        return;
      }
      single = data;
      return;
    }
    credit--;
    unacked++;
    byte[] bytes = Json.bytes(ResultEvents.record(commandId(), seq++, data));
    unackedBytes += bytes.length;
    topUp();
    sink.send(ResultEvents.RECORD, bytes)
        .onComplete(ar -> {
          unacked--;
          unackedBytes -= bytes.length;
          if (ar.failed()) {
            subscription.cancel();
            onError(new SwitchboardException("PUBLISH_FAILED", Category.INTERNAL,
                "could not publish a record event: " + ar.cause().getClass().getSimpleName(),
                false, null, null, ar.cause())); // e.g. over the size limit: it would fail again
          } else {
            topUp();
          }
          maybeFinish();
        });
  }

  @Override
  public void onError(Throwable t) {
    if (upstreamDone) {
      return;
    }
    upstreamDone = true;
    failure = t;
    maybeFinish();
  }

  @Override
  public void onComplete() {
    if (upstreamDone) {
      return;
    }
    upstreamDone = true;
    if (kind == Kind.SINGLE && single == null) {
      failure = new SwitchboardException("INTERNAL_ERROR", Category.INTERNAL,
          "single-result operation returned no result");
    }
    maybeFinish();
  }

  private void maybeFinish() {
    if (!upstreamDone || unacked > 0 || terminalSent || done.future().isComplete()) {
      return;
    }
    terminalSent = true;
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    Outcome outcome;
    var event = failure == null
        ? ResultEvents.completed(commandId(), seq, invocation.pages(), ms, single)
        : ResultEvents.failed(commandId(), ErrorInfo.of(failure));
    outcome = failure == null ? new Outcome(ResultEvents.COMPLETED, seq, null)
        : new Outcome(ResultEvents.FAILED, seq, ErrorInfo.of(failure).code());
    sink.send(event.get("type").asText(), Json.bytes(event)).map(outcome)
        .recover(e -> fallback.send(ResultEvents.FAILED, Json.bytes(ResultEvents.failed(
            commandId(), ErrorInfo.of(new SwitchboardException("PUBLISH_FAILED", Category.INTERNAL,
                "the " + event.get("type").asText() + " event could not be published: "
                    + e.getClass().getSimpleName(), false, null, null, e)))))
            .map(new Outcome(ResultEvents.FAILED, seq, "PUBLISH_FAILED")))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            done.tryComplete(ar.result());
          } else {
            done.tryFail(ar.cause());
          }
        });
  }

  private String commandId() {
    return invocation.command().id();
  }
}
