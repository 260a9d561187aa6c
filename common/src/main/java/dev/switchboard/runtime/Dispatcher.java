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
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Routes one taken-in record to its outcome: the DLQ (no id to answer to), a {@code failed}
 * event (bad fields, unknown operation or connection, params failing the schema, deadline
 * passed), or an execution of the operation whose events stream to the reply topic.
 */
final class Dispatcher<C> {
  /** A started command: its outcome, and how to stop it at shutdown. */
  record Execution(Future<StreamPublisher.Outcome> done, Runnable abandon) {}

  private final Topics topics;
  private final Map<String, Operation<C>> operations;
  private final Map<String, C> connections;
  private final ResultPublisher publisher;
  private final Context context;
  private final Scheduler scheduler;
  private final Clock clock;
  /** Buffer of the hop onto the event loop; demand itself is bounded by the publisher. */
  private static final int BATCH_HOP = 64;
  private final int window;
  private final int windowBytes;
  private final Scheduler onContext;
  private final ReplyTopics replyTopics;

  Dispatcher(Topics topics, Map<String, Operation<C>> operations, Map<String, C> connections,
      ResultPublisher publisher, ReplyTopics replyTopics, Context context, Scheduler scheduler,
      Clock clock, RuntimeSettings settings) {
    this.replyTopics = replyTopics;
    this.topics = topics;
    this.operations = operations;
    this.connections = connections;
    this.publisher = publisher;
    this.context = context;
    this.scheduler = scheduler;
    this.clock = clock;
    this.window = settings.resultWindow();
    this.windowBytes = settings.resultWindowBytes();
    this.onContext = VertxScheduler.of(context);
  }

  Execution dispatch(ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed) {
    if (parsed instanceof CommandParser.Unanswerable u) {
      return settled(toDlq(rec, u.reason()), "dlq", u.reason().split(":")[0]);
    }
    String id = parsed instanceof CommandParser.Invalid i ? i.id()
        : ((CommandParser.Valid) parsed).command().id();
    String reply = parsed instanceof CommandParser.Invalid i ? i.replyTo()
        : ((CommandParser.Valid) parsed).command().replyTo();
    String target = replyTarget(reply);
    if (target.equals(topics.results())) {
      return route(rec, parsed);
    }
    // Deferred: nothing runs until we know the results can be delivered.
    Promise<Execution> started = Promise.promise();
    Future<StreamPublisher.Outcome> done = replyTopics.exists(target)
        .recover(e -> Future.succeededFuture(true)) // cannot tell: let the send decide
        .compose(exists -> {
          Execution e = exists ? route(rec, parsed) : settled(fail(rec, id, topics.results(),
              SwitchboardException.invalid("REPLY_TOPIC_NOT_FOUND", "reply topic '" + target
                  + "' does not exist; create it before sending commands that name it")),
              ResultEvents.FAILED, "REPLY_TOPIC_NOT_FOUND");
          started.complete(e);
          return e.done();
        });
    return new Execution(done, () -> started.future().onSuccess(e -> e.abandon().run()));
  }

  private Execution route(ConsumerRecord<byte[], byte[]> rec, CommandParser.Parsed parsed) {
    if (parsed instanceof CommandParser.Invalid i) {
      return settled(fail(rec, i.id(), replyTarget(i.replyTo()),
          SwitchboardException.invalid(i.code(), i.message())), ResultEvents.FAILED, i.code());
    }
    return execute(rec, ((CommandParser.Valid) parsed).command());
  }

  /**
   * Where results go: the reply topic the parser resolved (the {@code replyTo} field, else a
   * valid {@code kafka_replyTopic} header), else the provider's results topic. Headers are not
   * read again here: the parser already refused invalid ones.
   */
  private String replyTarget(String replyTo) {
    return replyTo != null ? replyTo : topics.results();
  }

  private Execution execute(ConsumerRecord<byte[], byte[]> rec, Command cmd) {
    Operation<C> op = operations.get(cmd.operation());
    C connection = connections.get(cmd.connection());
    ObjectNode params;
    try {
      checkRoute(cmd, op, connection);
      params = op.spec().params().validate(cmd.params());
    } catch (SwitchboardException e) {
      return settled(fail(rec, cmd.id(), replyTarget(cmd.replyTo()), e), ResultEvents.FAILED,
          e.code());
    }
    Invocation inv = new Invocation(cmd, params);
    StreamPublisher pub = new StreamPublisher(sink(rec, cmd.id(), replyTarget(cmd.replyTo())),
        sink(rec, cmd.id(), topics.results()), inv, op.spec().kind(), window, windowBytes);
    Flowable.defer(() -> op.execute(inv, connection))
        .compose(f -> withDeadline(f, cmd))
        .observeOn(onContext, false, BATCH_HOP)
        .subscribe(pub);
    return new Execution(pub.done(), pub::abandon);
  }

  private void checkRoute(Command cmd, Operation<C> op, C connection) {
    if (op == null) {
      throw SwitchboardException.invalid("UNKNOWN_OPERATION", "operation '" + cmd.operation()
          + "' does not exist for " + topics.provider() + "; known: "
          + new java.util.TreeSet<>(operations.keySet()));
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

  private static Execution settled(Future<Void> sent, String type, String code) {
    return new Execution(sent.map(v -> new StreamPublisher.Outcome(type, 0, code)), () -> { });
  }

  /**
   * Answers a command that never ran; if its reply topic cannot take the answer, the provider's
   * results topic does (with the same event), so the command is answered and committed.
   */
  private Future<Void> fail(ConsumerRecord<byte[], byte[]> rec, String id, String target,
      SwitchboardException e) {
    byte[] event = Json.bytes(ResultEvents.failed(id, ErrorInfo.of(e)));
    Future<Void> sent = sink(rec, id, target).send(ResultEvents.FAILED, event);
    return target.equals(topics.results()) ? sent
        : sent.recover(x -> sink(rec, id, topics.results()).send(ResultEvents.FAILED, event));
  }

  /** Operation names that may be metric label values: only the declared ones. */
  boolean knownOperation(String name) {
    return operations.containsKey(name);
  }

  private ResultSink sink(ConsumerRecord<byte[], byte[]> rec, String id, String target) {
    Header correlation = rec.headers().lastHeader(ContractHeaders.CORRELATION_ID);
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return (type, event) -> {
      List<Header> headers = new ArrayList<>(2);
      if (correlation != null) {
        headers.add(new RecordHeader(ContractHeaders.CORRELATION_ID, correlation.value()));
      }
      headers.add(new RecordHeader(ContractHeaders.EVENT_TYPE,
          type.getBytes(StandardCharsets.UTF_8)));
      return publisher.send(context, target, key, event, headers);
    };
  }

  private Future<Void> toDlq(ConsumerRecord<byte[], byte[]> rec, String reason) {
    List<Header> headers = new ArrayList<>();
    rec.headers().forEach(headers::add);
    headers.add(utf8(ContractHeaders.DLQ_TOPIC, rec.topic()));
    headers.add(utf8(ContractHeaders.DLQ_PARTITION, String.valueOf(rec.partition())));
    headers.add(utf8(ContractHeaders.DLQ_OFFSET, String.valueOf(rec.offset())));
    headers.add(utf8(ContractHeaders.DLQ_REASON, reason));
    return publisher.send(context, topics.dlq(), rec.key(), rec.value(), headers);
  }

  private static Header utf8(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  static String header(ConsumerRecord<byte[], byte[]> rec, String name) {
    Header h = rec.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
