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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.reactivestreams.Subscription;

/**
 * Publishes an operation's records to Kafka with end-to-end backpressure: records are requested in
 * small batches only while fewer than {@code window} records and {@code windowBytes} bytes of the
 * command are sent but unacknowledged, so the bytes between the provider stream and the broker stay
 * under about {@code windowBytes} plus one batch, however large the result set. After the last
 * acknowledgement it sends the single terminal event; {@link #done()} completes when Kafka
 * acknowledged that too. Signals must arrive on the event loop (the caller uses {@code observeOn});
 * all state is confined to it.
 *
 * <p>Nothing is hidden: {@code completed} is sent only when Kafka acknowledged every record. A
 * record Kafka refused (after the producer's own retries) stops the stream, and the command ends
 * {@code failed} with {@code PUBLISH_FAILED}, retryable when the cause was transient. Records are
 * never re-sent out of order to paper over a gap.
 */
final class StreamPublisher implements FlowableSubscriber<JsonNode> {
  /**
   * How a command ended, for metrics, logs and duplicates attached to it.
   *
   * @param event the terminal event as published, or null when none was (DLQ)
   * @param at where Kafka wrote the terminal event, or null when none was
   */
  record Outcome(String type, long records, String errorCode, byte[] event, RecordMetadata at) {}

  /**
   * Runs once the terminal event is decided, before it is sent: the ledger records the outcome
   * there, so that a crash between the answer and its record cannot leave a write that was answered
   * looking unfinished.
   */
  @FunctionalInterface
  interface BeforeTerminal {
    BeforeTerminal NONE = (type, event) -> Future.succeededFuture();

    Future<Void> record(String type, byte[] event);
  }

  private final ResultSink sink;
  private final ResultSink fallback;
  private final Resend resend;
  private final BeforeTerminal beforeTerminal;
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
  private ResultEvents.RecordWriter recordWriter; // made at the first record: the id's prefix, once
  private long unacked;
  private long unackedBytes;
  private long credit;
  private JsonNode single;
  private Throwable failure;
  private SwitchboardException publishFailure;
  private boolean upstreamDone;
  private boolean terminalSent;

  /**
   * @param fallback where a {@code failed} event goes when the terminal event cannot be published
   *     (reply topic gone or forbidden, result over the size limit), so the command still gets its
   *     one answer and its offset can be committed
   * @param resend re-sends the terminal event while Kafka is unavailable
   * @param beforeTerminal what must be done before the terminal event is sent
   */
  StreamPublisher(
      ResultSink sink,
      ResultSink fallback,
      Resend resend,
      BeforeTerminal beforeTerminal,
      Invocation invocation,
      Kind kind,
      int window,
      int windowBytes) {
    this.beforeTerminal = beforeTerminal;
    this.sink = sink;
    this.fallback = fallback;
    this.resend = resend;
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
    resend.cancel();
    done.tryFail(new Resend.Cancelled());
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
   * Grants more demand while the command is under both windows, a batch at a time: called when a
   * record arrives as well as when one is acknowledged, so demand keeps the whole window filled.
   * (Topping up only on acks kept one batch in flight: 64 records per producer round trip, about
   * 9,000 records/s whatever the window; benchmark W2 found it.)
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
    if (upstreamDone) {
      return; // stopped after a record was refused: what was already on its way is dropped
    }
    if (kind == Kind.SINGLE) {
      if (single != null) {
        subscription.cancel();
        onError(
            new SwitchboardException(
                "INTERNAL_ERROR",
                Category.INTERNAL,
                "single-result operation returned more than one result"));
        return;
      }
      single = data;
      return;
    }
    credit--;
    unacked++;
    if (recordWriter == null) {
      recordWriter = new ResultEvents.RecordWriter(commandId());
    }
    byte[] bytes = recordWriter.bytes(seq++, data);
    unackedBytes += bytes.length;
    topUp();
    long recordSeq = seq - 1;
    sink.send(ResultEvents.RECORD, bytes)
        .onComplete(
            ar -> {
              unacked--;
              unackedBytes -= bytes.length;
              if (ar.failed()) {
                recordRefused(recordSeq, ar.cause());
              } else {
                topUp();
              }
              maybeFinish();
            });
  }

  /**
   * A record Kafka did not take ends the stream, whether or not the provider stream has finished:
   * the first refusal is the command's outcome, so {@code completed} can never follow a gap.
   * Transient (the broker was unavailable past the producer's delivery timeout): the command may be
   * sent again. Otherwise (too large for the producer): it would fail again.
   */
  private void recordRefused(long recordSeq, Throwable cause) {
    if (publishFailure == null) {
      boolean transientCause = Resend.retriable(cause);
      publishFailure =
          new SwitchboardException(
              "PUBLISH_FAILED",
              transientCause ? Category.TRANSIENT : Category.INTERNAL,
              "record event seq "
                  + recordSeq
                  + " could not be published ("
                  + cause.getClass().getSimpleName()
                  + "); the stream was stopped there",
              transientCause,
              null,
              null,
              cause);
    }
    if (!upstreamDone) {
      upstreamDone = true;
      subscription.cancel();
    }
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
      failure =
          new SwitchboardException(
              "INTERNAL_ERROR", Category.INTERNAL, "single-result operation returned no result");
    }
    maybeFinish();
  }

  private void maybeFinish() {
    if (!upstreamDone || unacked > 0 || terminalSent || done.future().isComplete()) {
      return;
    }
    terminalSent = true;
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    Throwable cause = publishFailure != null ? publishFailure : failure;
    var event =
        cause == null
            ? ResultEvents.completed(commandId(), seq, invocation.pages(), ms, single)
            : ResultEvents.failed(commandId(), ErrorInfo.of(cause));
    String type = event.get("type").asText();
    byte[] bytes = Json.bytes(event);
    String code = cause == null ? null : ErrorInfo.of(cause).code();
    beforeTerminal
        .record(type, bytes)
        .compose(v -> resend.untilAcked(() -> sink.send(type, bytes)))
        .map(at -> new Outcome(type, seq, code, bytes, at))
        .recover(e -> e instanceof Resend.Cancelled ? Future.failedFuture(e) : replaced(type, e))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                done.tryComplete(ar.result());
              } else {
                done.tryFail(ar.cause());
              }
            });
  }

  /**
   * The terminal event was refused for good (reply topic gone or forbidden, event over the size
   * limit): a small {@code failed} event on the provider's results topic takes its place, so the
   * command is still answered once. It says what the refused event was, because a write may have
   * been applied.
   */
  private Future<Outcome> replaced(String type, Throwable e) {
    byte[] bytes =
        Json.bytes(
            ResultEvents.failed(
                commandId(),
                ErrorInfo.of(
                    new SwitchboardException(
                        "PUBLISH_FAILED",
                        Category.INTERNAL,
                        "the "
                            + type
                            + " event could not be published ("
                            + e.getClass().getSimpleName()
                            + ")"
                            + (type.equals(ResultEvents.COMPLETED)
                                ? "; the operation itself completed"
                                : ""),
                        false,
                        null,
                        null,
                        e))));
    return resend
        .untilAcked(() -> fallback.send(ResultEvents.FAILED, bytes))
        .map(at -> new Outcome(ResultEvents.FAILED, seq, "PUBLISH_FAILED", bytes, at));
  }

  private String commandId() {
    return invocation.command().id();
  }
}
