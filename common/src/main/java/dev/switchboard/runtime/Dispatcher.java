package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.error.Category;
import dev.switchboard.error.ErrorInfo;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import dev.switchboard.log.LogValue;
import dev.switchboard.message.Command;
import dev.switchboard.message.CommandParser;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.message.ResultEvents;
import dev.switchboard.message.Topics;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.trace.CommandTrace;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one taken-in record to its outcome: the DLQ (no id to answer to), a {@code failed} event
 * (bad fields, unknown operation or connection, params failing the schema, deadline passed), or an
 * execution of the operation whose events stream to the reply topic.
 *
 * <p>Every route ends in an answer Kafka acknowledged, so the record's offset can advance: answers
 * are re-sent while Kafka is unavailable ({@link Resend}); an answer refused for good is replaced
 * (a {@code failed} event on the results topic, then a DLQ copy), and a DLQ copy is truncated if
 * need be ({@link DeadLetters}). Only a shutdown past its grace leaves a record unanswered, and
 * then its offset stays open so it is delivered again.
 */
final class Dispatcher<C> {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** A started command: its outcome, and how to stop it at shutdown. */
  record Execution(Future<StreamPublisher.Outcome> done, Runnable abandon) {}

  /** Buffer of the hop onto the event loop; demand itself is bounded by the publisher. */
  private static final int BATCH_HOP = 64;

  private final Topics topics;
  private final Map<String, Operation<C>> operations;
  private final Map<String, C> connections;
  private final DeadLetters deadLetters;
  private final ReplyTopics replyTopics;
  private final Context context;
  private final Scheduler scheduler;
  private final Scheduler onContext;
  private final Clock clock;
  private final int window;
  private final int windowBytes;
  private final Consumer<Throwable> publishRetried;
  private final LedgerGate gate;
  private final Replies replies;

  /**
   * @param ledger the provider's command ledger, or null to run every command as it comes
   * @param publishRetried told of every answer Kafka refused for now and that is re-sent
   */
  Dispatcher(
      Topics topics,
      Map<String, Operation<C>> operations,
      Map<String, C> connections,
      ResultPublisher publisher,
      ReplyTopics replyTopics,
      Ledger ledger,
      Context context,
      Scheduler scheduler,
      Clock clock,
      RuntimeSettings settings,
      Consumer<Throwable> publishRetried) {
    this.replies = new Replies(topics, publisher, context);
    this.gate = ledger == null ? null : new LedgerGate(ledger, replies);
    this.topics = topics;
    this.operations = operations;
    this.connections = connections;
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
    Resend resend =
        new Resend((ms, task) -> context.owner().setTimer(ms, t -> task.run()), publishRetried);
    Execution e = answerGuarded(rec, parsed, resend);
    // Last resort: an answer that neither its reply topic nor the results topic would take.
    Future<StreamPublisher.Outcome> done =
        e.done()
            .recover(
                err ->
                    err instanceof Resend.Cancelled
                        ? Future.failedFuture(err)
                        : deadLetters
                            .send(
                                rec,
                                "UNANSWERED: the answer could not be published ("
                                    + err.getClass().getSimpleName()
                                    + ")",
                                resend)
                            .map(new StreamPublisher.Outcome("dlq", 0, "UNANSWERED", null, null)));
    return new Execution(
        done,
        () -> {
          resend.cancel();
          e.abandon().run();
        });
  }

  /**
   * A bug thrown while routing (a connector's spec that throws, a missing class) fails the command
   * with {@code INTERNAL_ERROR} instead of escaping: an escaped throwable would leave the record
   * unanswered and its offset open for good, stalling the partition's commits.
   */
  private Execution answerGuarded(
      ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed, Resend resend) {
    try {
      return answer(rec, parsed, resend);
    } catch (RuntimeException | LinkageError bug) {
      LOG.error(
          "event=command.internal_error provider={} partition={} offset={} error={}",
          topics.provider(),
          rec.partition(),
          rec.offset(),
          LogValue.of(bug.toString()),
          bug);
      return replies.refuse(
          rec,
          id(parsed),
          replies.target(replyTo(parsed)),
          new SwitchboardException(
              "INTERNAL_ERROR",
              Category.INTERNAL,
              "the command could not be run: " + bug.getClass().getSimpleName()),
          resend);
    }
  }

  private Execution answer(
      ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed, Resend resend) {
    if (parsed instanceof CommandParser.Unanswerable u) {
      return unanswerable(rec, u, resend);
    }
    String target = replies.target(replyTo(parsed));
    if (target.equals(topics.results())) {
      return route(rec, parsed, resend);
    }
    // Deferred: nothing runs until we know the results can be delivered.
    Integer partition = Replies.replyPartition(rec);
    Promise<Execution> started = Promise.promise();
    Future<StreamPublisher.Outcome> done =
        replyTopics
            .partitions(target)
            .recover(e -> Future.succeededFuture(-1)) // cannot tell: let the send decide
            .compose(
                partitions -> {
                  String missing = missingReply(target, partition, partitions);
                  Execution e =
                      missing == null
                          ? route(rec, parsed, resend)
                          : replies.refuse(
                              rec,
                              id(parsed),
                              topics.results(),
                              SwitchboardException.invalid(
                                  partitions == 0
                                      ? "REPLY_TOPIC_NOT_FOUND"
                                      : "REPLY_PARTITION_NOT_FOUND",
                                  missing),
                              resend);
                  started.complete(e);
                  return e.done();
                });
    return new Execution(done, () -> started.future().onSuccess(e -> e.abandon().run()));
  }

  /** Why the answers cannot go where the command asks (null: they can, or it cannot be told). */
  private static String missingReply(String topic, Integer partition, int partitions) {
    if (partitions == 0) {
      return "reply topic '"
          + topic
          + "' does not exist; create it before sending commands "
          + "that name it";
    }
    if (partition != null && partitions > 0 && partition >= partitions) {
      return "reply topic '"
          + topic
          + "' has no partition "
          + partition
          + " (it has "
          + partitions
          + "); the kafka_replyPartition header must name one of them";
    }
    return null;
  }

  /**
   * A record with no id to answer to goes to the DLQ. If its caller waits on a reply topic with a
   * correlation id (Spring's {@code ReplyingKafkaTemplate}), it is also answered there: a {@code
   * failed} event with a null {@code commandId}, so the caller learns why at once instead of timing
   * out.
   */
  private Execution unanswerable(
      ConsumerRecord<byte[], byte[]> rec, CommandParser.Unanswerable u, Resend resend) {
    String code = u.reason().split(":")[0];
    Future<?> dlq = deadLetters.send(rec, u.reason(), resend);
    String replyTopic = Replies.header(rec, ContractHeaders.REPLY_TOPIC);
    if (Replies.correlation(rec) == null
        || replyTopic == null
        || !CommandParser.validTopic(replyTopic)) {
      return Replies.settled(dlq, "dlq", code, null);
    }
    byte[] event =
        Json.bytes(
            ResultEvents.failed(
                null,
                ErrorInfo.of(
                    SwitchboardException.invalid(
                        code, u.reason().substring(code.length() + 1).trim()))));
    Future<?> answered =
        replyTopics
            .partitions(replyTopic)
            .compose(
                partitions ->
                    missingReply(replyTopic, Replies.replyPartition(rec), partitions) != null
                        ? Future.succeededFuture()
                        : resend.untilAcked(
                            () ->
                                replies
                                    .sink(rec, null, replyTopic)
                                    .send(ResultEvents.FAILED, event)))
            .otherwiseEmpty(); // the DLQ copy is the record of it either way
    return Replies.settled(dlq.compose(v -> answered), "dlq", code, null);
  }

  /**
   * A command whose id is already running here (published twice, say): it is not run again. It
   * finishes when the running one does; if it asked for its answer elsewhere (another reply topic
   * or correlation id), the running command's terminal event is sent there too.
   */
  Execution attach(
      ConsumerRecord<byte[], byte[]> rec,
      CommandParser.Parsed parsed,
      ConsumerRecord<byte[], byte[]> runningRec,
      CommandParser.Parsed runningParsed,
      Execution running) {
    boolean sameAnswer =
        replies.target(replyTo(parsed)).equals(replies.target(replyTo(runningParsed)))
            && Arrays.equals(Replies.correlation(rec), Replies.correlation(runningRec));
    if (sameAnswer) {
      return new Execution(running.done().map(o -> duplicate(o)), () -> {});
    }
    Resend resend =
        new Resend((ms, task) -> context.owner().setTimer(ms, t -> task.run()), publishRetried);
    ResultSink sink = replies.sink(rec, id(parsed), replies.target(replyTo(parsed)));
    Future<StreamPublisher.Outcome> done =
        running
            .done()
            .compose(
                o ->
                    o.event() == null
                        ? Future.succeededFuture(duplicate(o))
                        : resend
                            .untilAcked(() -> sink.send(o.type(), o.event()))
                            .map(at -> duplicate(o)));
    return new Execution(done, resend::cancel);
  }

  private static StreamPublisher.Outcome duplicate(StreamPublisher.Outcome o) {
    return new StreamPublisher.Outcome("duplicate", o.records(), o.errorCode(), o.event(), o.at());
  }

  private Execution route(
      ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed, Resend resend) {
    if (parsed instanceof CommandParser.Invalid i) {
      return replies.refuse(
          rec,
          i.id(),
          replies.target(i.replyTo()),
          SwitchboardException.invalid(i.code(), i.message()),
          resend);
    }
    return execute(rec, ((CommandParser.Valid) parsed).command(), resend);
  }

  private static String id(CommandParser.Parsed parsed) {
    return parsed instanceof CommandParser.Invalid i
        ? i.id()
        : ((CommandParser.Valid) parsed).command().id();
  }

  private static String replyTo(CommandParser.Parsed parsed) {
    return parsed instanceof CommandParser.Invalid i
        ? i.replyTo()
        : parsed instanceof CommandParser.Valid v ? v.command().replyTo() : null;
  }

  private Execution execute(ConsumerRecord<byte[], byte[]> rec, Command cmd, Resend resend) {
    Operation<C> op = operations.get(cmd.operation());
    C connection = connections.get(cmd.connection());
    ObjectNode params;
    try {
      checkRoute(cmd, op, connection);
      params = op.spec().params().validate(cmd.params());
    } catch (SwitchboardException e) {
      return replies.refuse(rec, cmd.id(), replies.target(cmd.replyTo()), e, resend);
    }
    CommandTrace trace =
        CommandTrace.start(
            rec.headers(), rec.topic(), topics.provider(), cmd.operation(), cmd.id());
    Execution run = run(rec, new Invocation(cmd, params, trace), op, connection, resend);
    run.done()
        .onComplete(o -> trace.end(o.succeeded() ? o.result().type() : "unanswered", errorCode(o)));
    return run;
  }

  private static String errorCode(io.vertx.core.AsyncResult<StreamPublisher.Outcome> o) {
    return o.failed() ? o.cause().getClass().getSimpleName() : o.result().errorCode();
  }

  private Execution run(
      ConsumerRecord<byte[], byte[]> rec,
      Invocation inv,
      Operation<C> op,
      C connection,
      Resend resend) {
    Command cmd = inv.command();
    if (gate == null) {
      return stream(
          rec,
          inv,
          op.spec().kind(),
          () -> op.execute(inv, connection),
          StreamPublisher.BeforeTerminal.NONE,
          resend);
    }
    return gate.execute(
        rec,
        cmd,
        op.spec().write(),
        record ->
            stream(rec, inv, op.spec().kind(), () -> op.execute(inv, connection), record, resend),
        () ->
            op.recover(inv, connection)
                .map(
                    f ->
                        record ->
                            stream(rec, inv, OperationSpec.Kind.SINGLE, () -> f, record, resend)),
        resend);
  }

  /** Streams an operation's results to the command's reply target. */
  private Execution stream(
      ConsumerRecord<byte[], byte[]> rec,
      Invocation inv,
      OperationSpec.Kind kind,
      Supplier<Flowable<JsonNode>> run,
      StreamPublisher.BeforeTerminal beforeTerminal,
      Resend resend) {
    Command cmd = inv.command();
    StreamPublisher pub =
        new StreamPublisher(
            replies.sink(rec, cmd.id(), replies.target(cmd.replyTo()), false, inv.trace()),
            replies.sink(rec, cmd.id(), topics.results(), false, inv.trace()),
            resend,
            beforeTerminal,
            inv,
            kind,
            window,
            windowBytes);
    Flowable.defer(run::get)
        .compose(f -> withDeadline(f, cmd))
        // delayError: a failure waits behind the records the provider gave before it, so they
        // are published (a failed stream still carries them), not dropped by the hop.
        .observeOn(onContext, true, BATCH_HOP)
        .subscribe(pub);
    return new Execution(pub.done(), pub::abandon);
  }

  private void checkRoute(Command cmd, Operation<C> op, C connection) {
    if (op == null) {
      throw SwitchboardException.invalid(
          "UNKNOWN_OPERATION",
          "operation '"
              + cmd.operation()
              + "' does not exist for "
              + topics.provider()
              + "; known: "
              + new TreeSet<>(operations.keySet()));
    }
    if (connection == null) {
      throw SwitchboardException.invalid(
          "UNKNOWN_CONNECTION",
          "connection '" + cmd.connection() + "' is not configured for " + topics.provider());
    }
    if (cmd.deadline() != null && !clock.instant().isBefore(cmd.deadline())) {
      throw new SwitchboardException(
          "DEADLINE_EXCEEDED",
          Category.TRANSIENT,
          "deadline " + cmd.deadline() + " passed before the command started");
    }
  }

  private Flowable<JsonNode> withDeadline(Flowable<JsonNode> f, Command cmd) {
    if (cmd.deadline() == null) {
      return f;
    }
    long ms = Math.max(0, Duration.between(clock.instant(), cmd.deadline()).toMillis());
    boolean[] expired = {false};
    return f.takeUntil(
            Flowable.timer(ms, TimeUnit.MILLISECONDS, scheduler).doOnNext(x -> expired[0] = true))
        .concatWith(
            Flowable.defer(
                () ->
                    expired[0]
                        ? Flowable.error(
                            new SwitchboardException(
                                "DEADLINE_EXCEEDED",
                                Category.TRANSIENT,
                                "deadline " + cmd.deadline() + " passed while the command ran"))
                        : Flowable.empty()));
  }

  /** Operation names that may be metric label values: only the declared ones. */
  boolean knownOperation(String name) {
    return operations.containsKey(name);
  }
}
