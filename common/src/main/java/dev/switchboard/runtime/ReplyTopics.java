package dev.switchboard.runtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Whether a caller's reply topic exists, checked before the command runs: a command whose results
 * cannot be delivered must not be executed (least of all a write), and a send to a missing topic
 * would hold the publisher for {@code max.block.ms}. Non-blocking (Admin futures completed on the
 * caller's context); an answer is remembered for a while (a topic that exists for a minute, a
 * missing one for a few seconds), so a deleted topic is noticed.
 */
final class ReplyTopics implements AutoCloseable {
  private static final long MISSING_TTL_MS = 5_000;
  private static final long EXISTS_TTL_MS = 60_000;
  private final Admin admin;
  private final Context context;
  private final Map<String, Long> known = new ConcurrentHashMap<>();

  ReplyTopics(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  /** Succeeds with true when {@code topic} exists, false when it does not; fails if unknown. */
  Future<Boolean> exists(String topic) {
    Long until = known.get(topic);
    long now = System.currentTimeMillis();
    if (until != null && until > now) {
      return Future.succeededFuture(true);
    }
    if (until != null && -until > now) {
      return Future.succeededFuture(false);
    }
    return Future.fromCompletionStage(
            admin
                .describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(5_000))
                .allTopicNames()
                .toCompletionStage(),
            context)
        .map(
            d -> {
              known.put(topic, now + EXISTS_TTL_MS);
              return true;
            })
        .recover(
            e -> {
              Throwable cause = e.getCause() != null ? e.getCause() : e;
              if (cause instanceof UnknownTopicOrPartitionException) {
                known.put(topic, -(now + MISSING_TTL_MS));
                return Future.succeededFuture(false);
              }
              return Future.failedFuture(e);
            });
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
