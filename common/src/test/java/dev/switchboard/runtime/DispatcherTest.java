package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.CommandParser;
import dev.switchboard.message.ContractHeaders;
import dev.switchboard.message.Topics;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the dispatcher, with a publisher Kafka refuses for good ({@link RefusedPublisher})
 * and a reply-topic check whose answers the test gives: what runs and what never does, deadlines,
 * abandon, duplicates, and that every route ends even when no answer can be published (so the
 * record's offset can advance).
 */
class DispatcherTest {
  private static final Topics TOPICS = new Topics("t", "scenario");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final HeldOperation read = new HeldOperation("read", false);
  private final HeldOperation write = new HeldOperation("write", true);
  private final Endless endless = new Endless();

  /** What the reply-topic check answers, by topic; a topic not here is never answered. */
  private static final List<org.apache.kafka.common.TopicPartitionInfo> ONE_PARTITION =
      List.of(new org.apache.kafka.common.TopicPartitionInfo(0, null, List.of(), List.of()));

  private final Map<String, KafkaFuture<TopicDescription>> replyTopics = new ConcurrentHashMap<>();

  private final ResultPublisher publisher = RefusedPublisher.create();
  private final CommandParser parser = new CommandParser(1 << 20);
  private final Dispatcher<Object> dispatcher =
      new Dispatcher<>(
          TOPICS,
          Map.of("read", read, "write", write, "endless", endless, "broken", new Broken()),
          Map.of("c1", new Object()),
          publisher,
          new ReplyTopics(admin(replyTopics), context),
          null,
          context,
          VertxScheduler.of(context),
          Clock.systemUTC(),
          RuntimeSettings.defaults("unused"),
          e -> {});
  private long offset;

  /** A stream that never ends by itself; it counts cancellations. */
  static final class Endless implements Operation<Object> {
    final List<String> cancelled = new CopyOnWriteArrayList<>();

    @Override
    public OperationSpec spec() {
      return OperationSpec.stream("endless", "never ends", Schema.builder().build());
    }

    @Override
    public Flowable<JsonNode> execute(Invocation invocation, Object connection) {
      return Flowable.<JsonNode>never().doOnCancel(() -> cancelled.add(invocation.command().id()));
    }
  }

  /** A connector bug: its spec throws when the dispatcher reads it. */
  static final class Broken implements Operation<Object> {
    @Override
    public OperationSpec spec() {
      throw new IllegalStateException("bug in a connector");
    }

    @Override
    public Flowable<JsonNode> execute(Invocation invocation, Object connection) {
      throw new AssertionError("never run");
    }
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aRecordWithoutAnIdIsDeadLetteredAndItsExecutionEndsThoughKafkaRefusedTheCopy()
      throws Exception {
    StreamPublisher.Outcome o = outcome(dispatch("not json", null));
    assertThat(o.type()).isEqualTo("dlq");
    // given up after a truncated copy was refused too
    assertThat(o.errorCode()).isEqualTo("NOT_JSON");
  }

  @Test
  void invalidCommandsUnknownOperationsOrConnectionsAndBadParamsRunNothing() throws Exception {
    List<String> refused =
        List.of(
            "{\"id\":\"i1\",\"operation\":\"read\"}", // no connection
            command("i2", "delete", "c1", Json.object().put("key", "k")),
            command("i3", "read", "globex", Json.object().put("key", "k")),
            command("i4", "read", "c1", Json.object().put("key", "k").put("colour", "red")),
            command("i5", "read", "c1", Json.object()));
    for (String value : refused) {
      // Kafka refused the failed event too: the DLQ is the answer of last resort.
      assertThat(outcome(dispatch(value, null)).errorCode()).as(value).isEqualTo("UNANSWERED");
    }
    assertThat(read.started).isEmpty();
  }

  @Test
  void aBugThrownWhileRoutingFailsTheCommandInsteadOfLeavingItUnanswered() throws Exception {
    StreamPublisher.Outcome o =
        outcome(dispatch(command("b1", "broken", "c1", Json.object()), null));
    // Kafka refused the failed event too: the DLQ is the answer of last resort; the offset can
    // move.
    assertThat(o.errorCode()).isEqualTo("UNANSWERED");
  }

  @Test
  void aDeadlinePassedBeforeTheStartRunsNothing() throws Exception {
    ObjectNode late =
        Json.object()
            .put("id", "d1")
            .put("operation", "write")
            .put("connection", "c1")
            .put("deadline", Instant.now().minusSeconds(1).toString());
    late.putObject("params").put("key", "late");
    outcome(dispatch(late.toString(), null));
    assertThat(write.started).isEmpty();
  }

  @Test
  void aWriteWhoseReplyTopicIsMissingNeverRuns() throws Exception {
    replyTopics.put("missing", failed(new UnknownTopicOrPartitionException("no such topic")));
    outcome(
        dispatch(
            replyTo(command("w1", "write", "c1", Json.object().put("key", "w1")), "missing"),
            null));
    assertThat(write.started).isEmpty();
  }

  @Test
  void aReplyTopicThatExistsOrCannotBeCheckedLetsTheCommandRun() throws Exception {
    replyTopics.put(
        "exists",
        KafkaFuture.completedFuture(new TopicDescription("exists", false, ONE_PARTITION)));
    replyTopics.put("unknown", failed(new TimeoutException("no answer from the cluster")));
    write.release("w1");
    write.release("w2");
    outcome(
        dispatch(
            replyTo(command("w1", "write", "c1", Json.object().put("key", "w1")), "exists"), null));
    outcome(dispatch(command("w2", "write", "c1", Json.object().put("key", "w2")), "unknown"));
    assertThat(write.started).containsExactly("w1", "w2");
  }

  @Test
  void nothingRunsBeforeTheReplyTopicIsKnown() throws Exception {
    KafkaFutureImpl<TopicDescription> later = new KafkaFutureImpl<>();
    replyTopics.put("later", later);
    read.release("r1");
    Dispatcher.Execution e =
        dispatch(
            replyTo(command("r1", "read", "c1", Json.object().put("key", "r1")), "later"), null);
    Thread.sleep(200);
    assertThat(read.started).isEmpty();
    assertThat(e.done().isComplete()).isFalse();

    later.complete(new TopicDescription("later", false, ONE_PARTITION));
    outcome(e);
    assertThat(read.started).containsExactly("r1");
  }

  @Test
  void aRunningCommandIsCutAtItsDeadline() throws Exception {
    ObjectNode c =
        Json.object()
            .put("id", "e1")
            .put("operation", "endless")
            .put("connection", "c1")
            .put("deadline", Instant.now().plusMillis(300).toString());
    long start = System.nanoTime();
    outcome(dispatch(c.toString(), null));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
    assertThat(endless.cancelled).containsExactly("e1");
  }

  @Test
  void abandonStopsTheOperationAndLeavesTheCommandUnanswered() throws Exception {
    Dispatcher.Execution e = dispatch(command("e2", "endless", "c1", Json.object()), null);
    Thread.sleep(100);
    onLoop(
        () -> {
          e.abandon().run();
          return null;
        });
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    e.done().onComplete(ar -> failure.complete(ar.cause()));
    assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(Resend.Cancelled.class);
    assertThat(endless.cancelled).containsExactly("e2");
  }

  @Test
  void aDuplicateAskingForTheSameAnswerIsNotRunAndEndsWithTheRunningOne() throws Exception {
    String value = command("r2", "read", "c1", Json.object().put("key", "r2"));
    ConsumerRecord<byte[], byte[]> first = record(value);
    ConsumerRecord<byte[], byte[]> second = record(value);
    Dispatcher.Execution running = onLoop(() -> dispatcher.dispatch(first, parse(first)));
    Dispatcher.Execution duplicate =
        onLoop(() -> dispatcher.attach(second, parse(second), first, parse(first), running));
    Thread.sleep(100);
    assertThat(duplicate.done().isComplete()).isFalse();

    read.release("r2");
    StreamPublisher.Outcome original = outcome(running);
    StreamPublisher.Outcome attached = outcome(duplicate);
    assertThat(read.started).containsExactly("r2");
    assertThat(attached.type()).isEqualTo("duplicate");
    assertThat(attached.errorCode()).isEqualTo(original.errorCode());
  }

  @Test
  void onlyDeclaredOperationsAreKnown() {
    assertThat(dispatcher.knownOperation("read")).isTrue();
    assertThat(dispatcher.knownOperation("salesOrders.delete")).isFalse();
  }

  private static String command(String id, String operation, String connection, ObjectNode params) {
    ObjectNode c =
        Json.object().put("id", id).put("operation", operation).put("connection", connection);
    c.set("params", params);
    return c.toString();
  }

  private static String replyTo(String command, String topic) throws Exception {
    return ((ObjectNode) Json.parse(command.getBytes(StandardCharsets.UTF_8)))
        .put("replyTo", topic)
        .toString();
  }

  private ConsumerRecord<byte[], byte[]> record(String value) {
    return new ConsumerRecord<>(
        TOPICS.commands(),
        0,
        offset++,
        "c1".getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }

  private CommandParser.Parsed parse(ConsumerRecord<byte[], byte[]> rec) {
    var h = rec.headers().lastHeader(ContractHeaders.REPLY_TOPIC);
    return parser.parse(
        rec.value(), h == null ? null : new String(h.value(), StandardCharsets.UTF_8));
  }

  /** Dispatches {@code value} on the event loop, with a reply-topic header if given. */
  private Dispatcher.Execution dispatch(String value, String replyHeader) throws Exception {
    ConsumerRecord<byte[], byte[]> rec = record(value);
    if (replyHeader != null) {
      rec.headers()
          .add(
              new RecordHeader(
                  ContractHeaders.REPLY_TOPIC, replyHeader.getBytes(StandardCharsets.UTF_8)));
    }
    return onLoop(() -> dispatcher.dispatch(rec, parse(rec)));
  }

  private <T> T onLoop(Supplier<T> call) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          try {
            result.complete(call.get());
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(10, TimeUnit.SECONDS);
  }

  private static StreamPublisher.Outcome outcome(Dispatcher.Execution e) throws Exception {
    return e.done()
        .toCompletionStage()
        .toCompletableFuture()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static KafkaFuture<TopicDescription> failed(Exception e) {
    KafkaFutureImpl<TopicDescription> f = new KafkaFutureImpl<>();
    f.completeExceptionally(e);
    return f;
  }

  /** An Admin that answers {@code describeTopics} from {@code topics}, and nothing else. */
  private static Admin admin(Map<String, KafkaFuture<TopicDescription>> topics) {
    return (Admin)
        Proxy.newProxyInstance(
            Admin.class.getClassLoader(),
            new Class<?>[] {Admin.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "describeTopics" ->
                      new DescribeTopicsResult(
                          null,
                          Map.of(
                              (String) ((Collection<?>) args[0]).iterator().next(),
                              topics.computeIfAbsent(
                                  (String) ((Collection<?>) args[0]).iterator().next(),
                                  t -> new KafkaFutureImpl<>()))) {};
                  case "close" -> null;
                  case "toString" -> "admin of the test";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
