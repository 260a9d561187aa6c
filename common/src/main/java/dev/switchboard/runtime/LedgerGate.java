package dev.switchboard.runtime;

import dev.switchboard.error.Category;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the ledger says about a command before it runs (the rules of docs/message-contract.md, "The
 * ledger"): a finished command is answered with its recorded terminal event; a write that started
 * and never finished is looked up or answered {@code WRITE_IN_DOUBT}; anything else runs, a write
 * after its <em>started</em> record is acknowledged, and counts as finished only once its outcome
 * is recorded.
 */
final class LedgerGate {
  private final Ledger ledger;
  private final Replies replies;

  LedgerGate(Ledger ledger, Replies replies) {
    this.ledger = ledger;
    this.replies = replies;
  }

  /** An execution that calls back before it sends its terminal event. */
  @FunctionalInterface
  interface Run {
    Dispatcher.Execution start(StreamPublisher.BeforeTerminal beforeTerminal);
  }

  /**
   * @param run the command's execution
   * @param recovery the operation's look-up for a write in doubt, if it has one
   */
  Dispatcher.Execution execute(
      ConsumerRecord<byte[], byte[]> rec,
      Command cmd,
      boolean write,
      Run run,
      Supplier<Optional<Run>> recovery,
      Resend resend) {
    LedgerIndex.Entry seen = ledger.lookup(rec.partition(), cmd.id());
    if (seen != null && seen.finished() && (write || cmd.reuseOutcome())) {
      return replay(rec, cmd, seen, resend);
    }
    if (seen != null && !seen.finished() && write) {
      Optional<Run> lookUp = recovery.get();
      return lookUp.isPresent()
          ? recorded(rec, cmd, Future.succeededFuture(), lookUp.get(), resend)
          : inDoubt(rec, cmd, seen, resend);
    }
    Future<Void> before = write ? ledger.started(rec, cmd, resend) : Future.succeededFuture();
    return recorded(rec, cmd, before, run, resend);
  }

  /**
   * Runs {@code run} once {@code before} (a write's <em>started</em> record) is acknowledged. Its
   * outcome is recorded before its terminal event is sent: a crash in between then leaves a
   * finished command whose recorded answer is sent on the next delivery, never a write that was
   * answered yet looks unfinished (and would be answered again, differently). An outcome too large
   * to copy into the ledger is recorded after, as a reference to where it was sent.
   */
  private Dispatcher.Execution recorded(
      ConsumerRecord<byte[], byte[]> rec,
      Command cmd,
      Future<Void> before,
      Run run,
      Resend resend) {
    Promise<Dispatcher.Execution> started = Promise.promise();
    boolean[] recordedFirst = {false};
    StreamPublisher.BeforeTerminal record =
        (type, event) -> {
          if (event.length > Ledger.INLINE_MAX) {
            return Future.succeededFuture();
          }
          recordedFirst[0] = true;
          return ledger.finished(
              rec.partition(),
              cmd.id(),
              new StreamPublisher.Outcome(type, 0, null, event, null),
              resend);
        };
    Future<StreamPublisher.Outcome> done =
        before
            .compose(
                v -> {
                  Dispatcher.Execution e = run.start(record);
                  started.complete(e);
                  return e.done();
                })
            .compose(
                o ->
                    recordedFirst[0]
                        ? Future.succeededFuture(o)
                        : ledger.finished(rec.partition(), cmd.id(), o, resend).map(o));
    return new Dispatcher.Execution(done, () -> started.future().onSuccess(e -> e.abandon().run()));
  }

  /**
   * The command finished before (this is a replay or a redelivery after a crash): its recorded
   * terminal event is sent again, same bytes, marked as a replay. Nothing runs.
   */
  private Dispatcher.Execution replay(
      ConsumerRecord<byte[], byte[]> rec, Command cmd, LedgerIndex.Entry seen, Resend resend) {
    ResultSink sink = replies.sink(rec, cmd.id(), replies.target(cmd.replyTo()), true);
    Future<StreamPublisher.Outcome> done =
        ledger
            .read(rec.partition(), seen.offset())
            .compose(
                r ->
                    resend
                        .untilAcked(() -> sink.send(r.type(), r.value()))
                        .map(at -> new StreamPublisher.Outcome("replayed", 0, null, r.value(), at)))
            .recover(
                e ->
                    e instanceof SwitchboardException s
                        ? replies
                            .refuse(rec, cmd.id(), replies.target(cmd.replyTo()), s, resend)
                            .done()
                        : Future.failedFuture(e));
    return new Dispatcher.Execution(done, resend::cancel);
  }

  /**
   * A write started before and never finished (a crash or a lost partition mid-call), with no
   * look-up to tell whether it was applied: it fails {@code WRITE_IN_DOUBT}, never sent a second
   * time blindly. The answer is recorded, so asking again gives the same answer.
   */
  private Dispatcher.Execution inDoubt(
      ConsumerRecord<byte[], byte[]> rec, Command cmd, LedgerIndex.Entry seen, Resend resend) {
    Future<String> since =
        ledger
            .read(rec.partition(), seen.offset())
            .map(r -> startedAt(r.value()))
            .otherwise((String) null);
    return recorded(
        rec,
        cmd,
        since.mapEmpty(),
        record -> {
          var context =
              Json.object()
                  .put("operation", cmd.operation())
                  .put("connection", cmd.connection())
                  .put("startedAt", since.result());
          context.set("params", cmd.params());
          return replies.refuse(
              rec,
              cmd.id(),
              replies.target(cmd.replyTo()),
              new SwitchboardException(
                  "WRITE_IN_DOUBT",
                  Category.CONFLICT,
                  "an earlier execution "
                      + "of this write started"
                      + (since.result() == null ? "" : " at " + since.result())
                      + " but never finished (the instance stopped or lost the partition); it may have "
                      + "been applied, so it is not sent again: check at the provider",
                  false,
                  context,
                  null,
                  null),
              resend);
        },
        resend);
  }

  /** When a ledger <em>started</em> record says the write began, or null. */
  private static String startedAt(byte[] started) {
    try {
      return Json.parse(started).path("at").asText(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
