package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.OperationSpec.Kind;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.vertx.core.Promise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** Demand follows acknowledgements, bounded by records and bytes; every command gets one answer. */
class StreamPublisherTest {
  private record Sent(String type, JsonNode event, Promise<RecordMetadata> ack) {}

  private final List<Sent> sent = new ArrayList<>();
  private final List<Sent> fallback = new ArrayList<>();
  private final PublishProcessor<JsonNode> source = PublishProcessor.create();
  private final Invocation inv =
      new Invocation(new Command("c1", "op", "acme", Json.object(), null, null), Json.object());

  /** What must happen before the terminal event is sent (the ledger's record). */
  private StreamPublisher.BeforeTerminal beforeTerminal = StreamPublisher.BeforeTerminal.NONE;

  /** Resend backoffs, run by hand. */
  private final List<Runnable> timers = new ArrayList<>();

  private StreamPublisher publisher(Kind kind, int window, int windowBytes) {
    StreamPublisher p =
        new StreamPublisher(
            (t, e) -> record(sent, t, e),
            (t, e) -> record(fallback, t, e),
            new Resend((ms, task) -> timers.add(task), e -> {}),
            beforeTerminal,
            inv,
            kind,
            window,
            windowBytes);
    source.subscribe(p);
    return p;
  }

  private static io.vertx.core.Future<RecordMetadata> record(
      List<Sent> into, String type, byte[] event) {
    Promise<RecordMetadata> ack = Promise.promise();
    try {
      into.add(new Sent(type, Json.parse(event), ack));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return ack.future();
  }

  private void emitWhileDemanded(int max) {
    for (int i = 0; i < max && source.offer(TextNode.valueOf("r" + i)); i++) {}
  }

  @Test
  void demandNeverExceedsTheRecordWindowAndGrowsOnlyWithAcks() {
    publisher(Kind.STREAM, 100, 1 << 20);
    emitWhileDemanded(1_000);
    assertThat(sent).hasSizeLessThanOrEqualTo(100).isNotEmpty();
    int before = sent.size();
    emitWhileDemanded(1_000); // no ack yet: nothing more is taken
    assertThat(sent).hasSize(before);
    sent.get(0).ack().complete();
    emitWhileDemanded(1_000);
    assertThat(sent.size()).isGreaterThan(before).isLessThanOrEqualTo(101);
  }

  @Test
  void withoutAnyAckDemandFillsTheWholeRecordWindowNotJustOneBatch() {
    publisher(Kind.STREAM, 1_000, 1 << 20);
    emitWhileDemanded(5_000);
    assertThat(sent).hasSize(1_000); // a window of 1,000 records in flight, then nothing more
    sent.get(0).ack().complete();
    sent.get(1).ack().complete();
    emitWhileDemanded(5_000);
    assertThat(sent).hasSize(1_002);
  }

  @Test
  void unacknowledgedBytesStopDemandBeforeTheRecordWindow() {
    publisher(Kind.STREAM, 10_000, 2_000); // each record event is ~60 bytes
    for (int i = 0; i < 5; i++) {
      emitWhileDemanded(10_000);
    }
    assertThat(sent.size()).isLessThanOrEqualTo(2_000 / 50 + 64); // byte bound plus one batch
  }

  @Test
  void completedCountsRecordsAfterEveryAckAndIsTheOnlyTerminalEvent() {
    StreamPublisher p = publisher(Kind.STREAM, 100, 1 << 20);
    source.offer(TextNode.valueOf("a"));
    source.offer(TextNode.valueOf("b"));
    source.onComplete();
    assertThat(sent).hasSize(2); // completed waits for the acks
    List.copyOf(sent).forEach(s -> s.ack().complete());
    assertThat(sent).hasSize(3);
    assertThat(sent.get(2).event().path("records").asLong()).isEqualTo(2);
    assertThat(sent.get(1).event().path("seq").asLong()).isEqualTo(1);
    sent.get(2).ack().complete();
    assertThat(p.done().result().type()).isEqualTo("completed");
  }

  @Test
  void aTerminalEventThatCannotBePublishedIsReplacedByPublishFailedOnTheFallback() {
    StreamPublisher p = publisher(Kind.SINGLE, 100, 1 << 20);
    source.offer(TextNode.valueOf("x"));
    source.onComplete();
    sent.get(0).ack().fail(new IllegalStateException("reply topic gone"));
    assertThat(fallback)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo("failed");
              assertThat(f.event().path("error").path("code").asText()).isEqualTo("PUBLISH_FAILED");
            });
    assertThat(p.done().isComplete()).isFalse(); // answered only once the fallback is acked
    fallback.get(0).ack().complete();
    assertThat(p.done().succeeded()).isTrue();
    assertThat(p.done().result().type()).isEqualTo("failed"); // logged and counted as sent
    assertThat(p.done().result().errorCode()).isEqualTo("PUBLISH_FAILED");
  }

  @Test
  void aRecordRefusedAfterTheStreamEndedMakesItFailNeverComplete() {
    StreamPublisher p = publisher(Kind.STREAM, 100, 1 << 20);
    source.offer(TextNode.valueOf("a"));
    source.offer(TextNode.valueOf("b"));
    source.offer(TextNode.valueOf("c"));
    source.onComplete(); // the provider stream is done before the broker answers
    sent.get(0).ack().complete();
    sent.get(1).ack().fail(new org.apache.kafka.common.errors.TimeoutException("expired"));
    sent.get(2).ack().complete();
    assertThat(sent).hasSize(4);
    JsonNode terminal = sent.get(3).event();
    assertThat(terminal.path("type").asText()).isEqualTo("failed"); // never completed with a gap
    assertThat(terminal.path("error").path("code").asText()).isEqualTo("PUBLISH_FAILED");
    assertThat(terminal.path("error").path("retryable").asBoolean()).isTrue();
    assertThat(terminal.path("error").path("category").asText()).isEqualTo("TRANSIENT");
    assertThat(terminal.path("error").path("message").asText()).contains("seq 1");
    sent.get(3).ack().complete();
    assertThat(p.done().result().errorCode()).isEqualTo("PUBLISH_FAILED");
  }

  @Test
  void theTerminalEventIsSentOnlyOnceItsOutcomeIsRecorded() {
    Promise<Void> recorded = Promise.promise();
    List<String> recordedTypes = new ArrayList<>();
    beforeTerminal =
        (type, event) -> {
          recordedTypes.add(type);
          return recorded.future();
        };
    StreamPublisher p = publisher(Kind.SINGLE, 100, 1 << 20);
    source.offer(TextNode.valueOf("x"));
    source.onComplete();
    assertThat(recordedTypes).containsExactly("completed");
    assertThat(sent).isEmpty(); // a crash now leaves a recorded outcome, never an unrecorded answer
    recorded.complete();
    assertThat(sent).singleElement().satisfies(s -> assertThat(s.type()).isEqualTo("completed"));
    sent.get(0).ack().complete();
    assertThat(p.done().result().type()).isEqualTo("completed");
  }

  @Test
  void aRecordRefusedForGoodStopsTheStreamWithANonRetryableFailure() {
    StreamPublisher p = publisher(Kind.STREAM, 100, 1 << 20);
    source.offer(TextNode.valueOf("a"));
    sent.get(0).ack().fail(new org.apache.kafka.common.errors.RecordTooLargeException("big"));
    assertThat(source.hasSubscribers()).isFalse(); // the provider stream was cancelled
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).event().path("error").path("retryable").asBoolean()).isFalse();
    sent.get(1).ack().complete();
    assertThat(p.done().result().type()).isEqualTo("failed");
  }

  @Test
  void aTerminalEventRefusedForNowIsSentAgainUntilKafkaTakesIt() {
    StreamPublisher p = publisher(Kind.SINGLE, 100, 1 << 20);
    source.offer(TextNode.valueOf("x"));
    source.onComplete();
    sent.get(0).ack().fail(new org.apache.kafka.common.errors.NotEnoughReplicasException("isr"));
    assertThat(timers).hasSize(1);
    timers.remove(0).run();
    sent.get(1).ack().fail(new org.apache.kafka.common.errors.TimeoutException("down"));
    timers.remove(0).run();
    assertThat(sent).hasSize(3).allSatisfy(s -> assertThat(s.type()).isEqualTo("completed"));
    sent.get(2).ack().complete();
    assertThat(fallback).isEmpty(); // the same completed event, never replaced by a failure
    assertThat(p.done().result().type()).isEqualTo("completed");
  }

  @Test
  void abandoningStopsTheResendsAndLeavesTheCommandUnanswered() {
    StreamPublisher p = publisher(Kind.SINGLE, 100, 1 << 20);
    source.offer(TextNode.valueOf("x"));
    source.onComplete();
    sent.get(0).ack().fail(new org.apache.kafka.common.errors.TimeoutException("down"));
    p.abandon();
    timers.remove(0).run();
    assertThat(sent).hasSize(1);
    assertThat(p.done().cause()).isInstanceOf(Resend.Cancelled.class);
  }

  @Test
  void whenTheFallbackFailsTooTheCommandStaysUnfinished() {
    StreamPublisher p = publisher(Kind.SINGLE, 100, 1 << 20);
    source.offer(TextNode.valueOf("x"));
    source.onComplete();
    sent.get(0).ack().fail(new IllegalStateException("broker gone"));
    fallback.get(0).ack().fail(new IllegalStateException("broker gone"));
    assertThat(p.done().failed()).isTrue(); // offset stays open: redelivered, never lost
  }

  @Test
  void aSingleResultOperationWithTwoResultsFailsAsInternal() {
    publisher(Kind.SINGLE, 100, 1 << 20);
    source.offer(TextNode.valueOf("x"));
    source.offer(TextNode.valueOf("y"));
    assertThat(sent)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.event().path("error").path("code").asText())
                    .isEqualTo("INTERNAL_ERROR"));
  }
}
