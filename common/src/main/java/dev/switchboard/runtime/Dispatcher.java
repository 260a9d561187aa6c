package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.ErrorInfo;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.message.CommandParser;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.message.ResultEvents;
import dev.switchboard.message.Topics;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Routes one taken-in record to its outcome: the DLQ (no id to answer to), a {@code failed}
 * event (bad fields, unknown operation or connection, params failing the schema, deadline
 * passed), or an execution of the operation whose events stream to the reply topic.
 *
 * <p>Every route ends in an answer Kafka acknowledged, so the record's offset can advance:
 * answers are re-sent while Kafka is unavailable ({@link Resend}); an answer refused for good is
 * replaced (a {@code failed} event on the results topic, then a DLQ copy), and a DLQ copy is
 * truncated if need be ({@link DeadLetters}). Only a shutdown past its grace leaves a record
 * unanswered, and then its offset stays open so it is delivered again.
 */
final class Dispatcher<C> {
  /** A started command: its outcome, and how to stop it at shutdown. */
  record Execution(Future<StreamPublisher.Outcome> done, Runnable abandon) {}

  /** Buffer of the hop onto the event loop; demand itself is bounded by the publisher. */
  private static final int BATCH_HOP = 64;
  private final Topics topics;
  private final Map<String, Operation<C>> operations;
  private final Map<String, C> connections;
  private final ResultPublisher publisher;
  private final DeadLetters deadLetters;
  private final ReplyTopics replyTopics;
  private final Context context;
  private final Scheduler scheduler;
  private final Scheduler onContext;
  private final Clock clock;
  private final int window;
  private final int windowBytes;
  private final Consumer<Throwable> publishRetried;
  private final Ledger ledger;

  /**
   * @param ledger the provider's command ledger, or null to run every command as it comes
   * @param publishRetried told of every answer Kafka refused for now and that is re-sent
   */
  Dispatcher(Topics topics, Map<String, Operation<C>> operations, Map<String, C> connections,
      ResultPublisher publisher, ReplyTopics replyTopics, Ledger ledger, Context context,
      Scheduler scheduler, Clock clock, RuntimeSettings settings,
      Consumer<Throwable> publishRetried) {
    this.ledger = ledger;
    this.topics = topics;
    this.operations = operations;
    this.connections = connections;
    this.publisher = publisher;
    this.deadLetters = new DeadLetters(publisher, context, topics);
    this.replyTopics = replyTopics;
    this.context = context;
    this.scheduler = scheduler;
    this.onContext = VertxScheduler.of(context);
    this.clock = clock;
    this.window = settings.resultWindow();
    this.windowBytes = settings.resultWindowBytes();
    this.publishRetried = publishRetried;
  }

  Execution dispatch(ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed) {
    Resend resend = new Resend((ms, task) -> context.owner().setTimer(ms, t -> task.run()),
        publishRetried);
    Execution e = answer(rec, parsed, resend);
    // Last resort: an answer that neither its reply topic nor the results topic would take.
    Future<StreamPublisher.Outcome> done = e.done().recover(err ->
        err instanceof Resend.Cancelled ? Future.failedFuture(err)
            : deadLetters.send(rec, "UNANSWERED: the answer could not be published ("
                + err.getClass().getSimpleName() + ")", resend)
                .map(new StreamPublisher.Outcome("dlq", 0, "UNANSWERED", null, null)));
    return new Execution(done, () -> {
      resend.cancel();
      e.abandon().run();
    });
  }

  private Execution answer(ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed,
      Resend resend) {
    if (parsed instanceof CommandParser.Unanswerable u) {
      return settled(deadLetters.send(rec, u.reason(), resend), "dlq",
          u.reason().split(":")[0], null);
    }
    String target = replyTarget(replyTo(parsed));
    if (target.equals(topics.results())) {
      return route(rec, parsed, resend);
    }
    // Deferred: nothing runs until we know the results can be delivered.
    Promise<Execution> started = Promise.promise();
    Future<StreamPublisher.Outcome> done = replyTopics.exists(target)
        .recover(e -> Future.succeededFuture(true)) // cannot tell: let the send decide
        .compose(exists -> {
          Execution e = exists ? route(rec, parsed, resend) : refuse(rec, id(parsed),
              topics.results(), SwitchboardException.invalid("REPLY_TOPIC_NOT_FOUND",
                  "reply topic '" + target + "' does not exist; create it before sending "
                      + "commands that name it"), resend);
          started.complete(e);
          return e.done();
        });
    return new Execution(done, () -> started.future().onSuccess(e -> e.abandon().run()));
  }

  /**
   * A command whose id is already running here (published twice, say): it is not run again.
   * It finishes when the running one does; if it asked for its answer elsewhere (another reply
   * topic or correlation id), the running command's terminal event is sent there too.
   */
  Execution attach(ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed,
      ConsumerRecord<byte[], byte[]> runningRec, CommandParser.Parsed runningParsed,
      Execution running) {
    boolean sameAnswer = replyTarget(replyTo(parsed)).equals(replyTarget(replyTo(runningParsed)))
        && Arrays.equals(correlation(rec), correlation(runningRec));
    if (sameAnswer) {
      return new Execution(running.done().map(o -> duplicate(o)), () -> { });
    }
    Resend resend = new Resend((ms, task) -> context.owner().setTimer(ms, t -> task.run()),
        publishRetried);
    ResultSink sink = sink(rec, id(parsed), replyTarget(replyTo(parsed)));
    Future<StreamPublisher.Outcome> done = running.done().compose(o -> o.event() == null
        ? Future.succeededFuture(duplicate(o))
        : resend.untilAcked(() -> sink.send(o.type(), o.event())).map(at -> duplicate(o)));
    return new Execution(done, resend::cancel);
  }

  private static StreamPublisher.Outcome duplicate(StreamPublisher.Outcome o) {
    return new StreamPublisher.Outcome("duplicate", o.records(), o.errorCode(), o.event(), o.at());
  }

  private Execution route(ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed,
      Resend resend) {
    if (parsed instanceof CommandParser.Invalid i) {
      return refuse(rec, i.id(), replyTarget(i.replyTo()),
          SwitchboardException.invalid(i.code(), i.message()), resend);
    }
    return execute(rec, ((CommandParser.Valid) parsed).command(), resend);
  }

  private static String id(CommandParser.Parsed parsed) {
    return parsed instanceof CommandParser.Invalid i ? i.id()
        : ((CommandParser.Valid) parsed).command().id();
  }

  private static String replyTo(CommandParser.Parsed parsed) {
    return parsed instanceof CommandParser.Invalid i ? i.replyTo()
        : parsed instanceof CommandParser.Valid v ? v.command().replyTo() : null;
  }

  /**
   * Where results go: the reply topic the parser resolved (the {@code replyTo} field, else a
   * valid {@code kafka_replyTopic} header), else the provider's results topic. Headers are not
   * read again here: the parser already refused invalid ones.
   */
  private String replyTarget(String replyTo) {
    return replyTo != null ? replyTo : topics.results();
  }

  private Execution execute(ConsumerRecord<byte[], byte[]> rec, Command cmd, Resend resend) {
    Operation<C> op = operations.get(cmd.operation());
    C connection = connections.get(cmd.connection());
    ObjectNode params;
    try {
      checkRoute(cmd, op, connection);
      params = op.spec().params().validate(cmd.params());
    } catch (SwitchboardException e) {
      return refuse(rec, cmd.id(), replyTarget(cmd.replyTo()), e, resend);
    }
    Invocation inv = new Invocation(cmd, params);
    if (ledger == null) {
      return stream(rec, inv, op.spec().kind(), () -> op.execute(inv, connection), resend);
    }
    boolean write = op.spec().write();
    LedgerIndex.Entry seen = ledger.lookup(rec.partition(), cmd.id());
    if (seen != null && seen.finished() && (write || cmd.reuseOutcome())) {
      return replay(rec, cmd, seen, resend);
    }
    if (seen != null && !seen.finished() && write) {
      return inDoubt(rec, cmd, op, inv, connection, seen, resend);
    }
    Future<Void> before = write ? ledger.started(rec, cmd, resend) : Future.succeededFuture();
    return recorded(rec, cmd, before, () -> stream(rec, inv, op.spec().kind(),
        () -> op.execute(inv, connection), resend), resend);
  }

  /** Streams an operation's results to the command's reply target. */
  private Execution stream(ConsumerRecord<byte[], byte[]> rec, Invocation inv,
      OperationSpec.Kind kind, Supplier<Flowable<JsonNode>> run, Resend resend) {
    Command cmd = inv.command();
    StreamPublisher pub = new StreamPublisher(sink(rec, cmd.id(), replyTarget(cmd.replyTo())),
        sink(rec, cmd.id(), topics.results()), resend, inv, kind, window, windowBytes);
    Flowable.defer(run::get)
        .compose(f -> withDeadline(f, cmd))
        .observeOn(onContext, false, BATCH_HOP)
        .subscribe(pub);
    return new Execution(pub.done(), pub::abandon);
  }

  /**
   * Runs {@code run} once {@code before} (a write's <em>started</em> record) is acknowledged,
   * and counts the command finished only once its outcome is in the ledger too.
   */
  private Execution recorded(ConsumerRecord<byte[], byte[]> rec, Command cmd,
      Future<Void> before, Supplier<Execution> run, Resend resend) {
    Promise<Execution> started = Promise.promise();
    Future<StreamPublisher.Outcome> done = before.compose(v -> {
      Execution e = run.get();
      started.complete(e);
      return e.done();
    }).compose(o -> ledger.finished(rec.partition(), cmd.id(), o, resend).map(o));
    return new Execution(done, () -> started.future().onSuccess(e -> e.abandon().run()));
  }

  /**
   * The command finished before (this is a replay or a redelivery after a crash): its recorded
   * terminal event is sent again, same type and data, marked as a replay. Nothing runs.
   */
  private Execution replay(ConsumerRecord<byte[], byte[]> rec, Command cmd,
      LedgerIndex.Entry seen, Resend resend) {
    ResultSink sink = sink(rec, cmd.id(), replyTarget(cmd.replyTo()), true);
    Future<StreamPublisher.Outcome> done = ledger.read(rec.partition(), seen.offset())
        .compose(r -> resend.untilAcked(() -> sink.send(r.type(), r.value()))
            .map(at -> new StreamPublisher.Outcome("replayed", 0, null, r.value(), at)))
        .recover(e -> e instanceof SwitchboardException s
            ? refuse(rec, cmd.id(), replyTarget(cmd.replyTo()), s, resend).done()
            : Future.failedFuture(e));
    return new Execution(done, resend::cancel);
  }

  /**
   * A write started before and never finished (a crash or a lost partition mid-call): it may or
   * may not have been applied. The operation's look-up answers when it has one; otherwise the
   * command fails {@code WRITE_IN_DOUBT}, never sent a second time blindly.
   */
  private Execution inDoubt(ConsumerRecord<byte[], byte[]> rec, Command cmd, Operation<C> op,
      Invocation inv, C connection, LedgerIndex.Entry seen, Resend resend) {
    var recovery = op.recover(inv, connection);
    if (recovery.isPresent()) {
      return recorded(rec, cmd, Future.succeededFuture(), () -> stream(rec, inv,
          OperationSpec.Kind.SINGLE, recovery::get, resend), resend);
    }
    Future<String> since = ledger.read(rec.partition(), seen.offset())
        .map(r -> startedAt(r.value()))
        .otherwise((String) null);
    return recorded(rec, cmd, since.mapEmpty(), () -> {
      ObjectNode context = Json.object().put("operation", cmd.operation())
          .put("connection", cmd.connection()).put("startedAt", since.result());
      context.set("params", cmd.params());
      return refuse(rec, cmd.id(), replyTarget(cmd.replyTo()), new SwitchboardException(
          "WRITE_IN_DOUBT", Category.CONFLICT, "an earlier execution of this write started"
              + (since.result() == null ? "" : " at " + since.result()) + " but never "
              + "finished (the instance stopped or lost the partition); it may have been "
              + "applied, so it is not sent again: check at the provider", false, context, null,
          null), resend);
    }, resend);
  }

  private void checkRoute(Command cmd, Operation<C> op, C connection) {
    if (op == null) {
      throw SwitchboardException.invalid("UNKNOWN_OPERATION", "operation '" + cmd.operation()
          + "' does not exist for " + topics.provider() + "; known: "
          + new TreeSet<>(operations.keySet()));
    }
    if (connection == null) {
      throw SwitchboardException.invalid("UNKNOWN_CONNECTION", "connection '"
          + cmd.connection() + "' is not configured for " + topics.provider());
    }
    if (cmd.deadline() != null && !clock.instant().isBefore(cmd.deadline())) {
      throw new SwitchboardException("DEADLINE_EXCEEDED", Category.TRANSIENT,
          "deadline " + cmd.deadline() + " passed before the command started");
    }
  }

  private Flowable<JsonNode> withDeadline(Flowable<JsonNode> f, Command cmd) {
    if (cmd.deadline() == null) {
      return f;
    }
    long ms = Math.max(0, Duration.between(clock.instant(), cmd.deadline()).toMillis());
    boolean[] expired = {false};
    return f.takeUntil(Flowable.timer(ms, TimeUnit.MILLISECONDS, scheduler)
            .doOnNext(x -> expired[0] = true))
        .concatWith(Flowable.defer(() -> expired[0]
            ? Flowable.error(new SwitchboardException("DEADLINE_EXCEEDED", Category.TRANSIENT,
                "deadline " + cmd.deadline() + " passed while the command ran"))
            : Flowable.empty()));
  }

  private static Execution settled(Future<?> sent, String type, String code, byte[] event) {
    return new Execution(sent.map(v -> new StreamPublisher.Outcome(type, 0, code, event, null)),
        () -> { });
  }

  /**
   * Answers a command that never ran; if its reply topic refuses the answer for good, the
   * provider's results topic takes it (the same event), so the command is answered and
   * committed.
   */
  private Execution refuse(ConsumerRecord<byte[], byte[]> rec, String id, String target,
      SwitchboardException e, Resend resend) {
    byte[] event = Json.bytes(ResultEvents.failed(id, ErrorInfo.of(e)));
    Future<RecordMetadata> sent = resend.untilAcked(() -> sink(rec, id, target)
        .send(ResultEvents.FAILED, event));
    if (!target.equals(topics.results())) {
      sent = sent.recover(x -> x instanceof Resend.Cancelled ? Future.failedFuture(x)
          : resend.untilAcked(() -> sink(rec, id, topics.results())
              .send(ResultEvents.FAILED, event)));
    }
    return settled(sent, ResultEvents.FAILED, e.code(), event);
  }

  /** When a ledger <em>started</em> record says the write began, or null. */
  private static String startedAt(byte[] started) {
    try {
      return Json.parse(started).path("at").asText(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Operation names that may be metric label values: only the declared ones. */
  boolean knownOperation(String name) {
    return operations.containsKey(name);
  }

  private static byte[] correlation(ConsumerRecord<byte[], byte[]> rec) {
    Header h = rec.headers().lastHeader(ContractHeaders.CORRELATION_ID);
    return h == null ? null : h.value();
  }

  private ResultSink sink(ConsumerRecord<byte[], byte[]> rec, String id, String target) {
    return sink(rec, id, target, false);
  }

  /** Sends the command's events to {@code target}; {@code replay} marks re-emitted outcomes. */
  private ResultSink sink(ConsumerRecord<byte[], byte[]> rec, String id, String target,
      boolean replay) {
    byte[] correlation = correlation(rec);
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return (type, event) -> {
      List<Header> headers = new ArrayList<>(3);
      if (correlation != null) {
        headers.add(new RecordHeader(ContractHeaders.CORRELATION_ID, correlation));
      }
      headers.add(new RecordHeader(ContractHeaders.EVENT_TYPE,
          type.getBytes(StandardCharsets.UTF_8)));
      if (replay) {
        headers.add(new RecordHeader(ContractHeaders.REPLAY,
            "true".getBytes(StandardCharsets.UTF_8)));
      }
      return publisher.send(context, target, key, event, headers);
    };
  }

  static String header(ConsumerRecord<byte[], byte[]> rec, String name) {
    Header h = rec.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
