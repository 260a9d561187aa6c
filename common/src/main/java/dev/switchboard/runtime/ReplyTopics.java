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

  private record Known(int partitions, long until) {}

  private final Admin admin;
  private final Context context;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  ReplyTopics(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  /**
   * Succeeds with the number of partitions of {@code topic}, 0 when it does not exist; fails if
   * that cannot be told now.
   */
  Future<Integer> partitions(String topic) {
    Known k = known.get(topic);
    long now = System.currentTimeMillis();
    if (k != null && k.until() > now) {
      return Future.succeededFuture(k.partitions());
    }
    return Future.fromCompletionStage(
            admin
                .describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(5_000))
                .allTopicNames()
                .toCompletionStage(),
            context)
        .map(
            d -> {
              int n = d.get(topic).partitions().size();
              known.put(topic, new Known(n, now + EXISTS_TTL_MS));
              return n;
            })
        .recover(
            e -> {
              Throwable cause = e.getCause() != null ? e.getCause() : e;
              if (cause instanceof UnknownTopicOrPartitionException) {
                known.put(topic, new Known(0, now + MISSING_TTL_MS));
                return Future.succeededFuture(0);
              }
              return Future.failedFuture(e);
            });
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
