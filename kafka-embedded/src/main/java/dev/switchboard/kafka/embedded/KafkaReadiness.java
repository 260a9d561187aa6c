package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * Waits until starting brokers answer {@code describeCluster()} with the expected cluster id and
 * with themselves in the node list (registered and unfenced).
 */
final class KafkaReadiness {
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private KafkaReadiness() {}

  /**
   * Waits for the single node of {@code dir}; see {@link #await(List, String, Set, Duration,
   * Supplier)}.
   */
  static void await(KafkaNodeDir dir, Duration timeout, Supplier<Throwable> failure) {
    await(List.of(dir.bootstrapServers()), dir.clusterId, Set.of(dir.nodeId), timeout, failure);
  }

  /**
   * Polls with a deadline until every address in {@code brokers} listens and an admin client
   * bootstrapped from them sees cluster {@code clusterId} with all of {@code nodeIds}, else throws
   * {@link IllegalStateException}. Checking the cluster id means a foreign broker that happens to
   * listen on one of the ports never passes for ours. {@code failure} is checked between attempts
   * and returns why to give up early (a broker died), or null; it becomes the exception's cause.
   */
  static void await(
      List<String> brokers,
      String clusterId,
      Set<Integer> nodeIds,
      Duration timeout,
      Supplier<Throwable> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String where = String.join(",", brokers);
    // First plain TCP: an admin client would log a warning for every refused connection while the
    // broker boots.
    for (String broker : brokers) {
      while (!listening(broker)) {
        checkAlive(where, deadline, failure, null);
        pause(50, where);
      }
    }
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, where,
                AdminClientConfig.CLIENT_ID_CONFIG, "switchboard-readiness",
                // Short per-call timeouts so the deadline and the failure check are honoured.
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    Exception last = null;
    try {
      while (true) {
        checkAlive(where, deadline, failure, last);
        try {
          DescribeClusterResult cluster = admin.describeCluster();
          String id = cluster.clusterId().get(2_000, TimeUnit.MILLISECONDS);
          Set<Integer> seen = ids(cluster.nodes().get(2_000, TimeUnit.MILLISECONDS));
          if (clusterId.equals(id) && seen.containsAll(nodeIds)) {
            return;
          }
          last =
              new IllegalStateException(
                  "cluster "
                      + id
                      + " has nodes "
                      + seen
                      + "; waiting for "
                      + nodeIds
                      + " of "
                      + clusterId);
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted waiting for Kafka at " + where, e);
        }
        pause(100, where);
      }
    } finally {
      // Bounded: the default close waits for pending calls without limit.
      admin.close(Duration.ofSeconds(2));
    }
  }

  private static Set<Integer> ids(Collection<Node> nodes) {
    return nodes.stream().map(Node::id).collect(Collectors.toSet());
  }

  private static void checkAlive(
      String broker, long deadline, Supplier<Throwable> failure, Exception last) {
    Throwable reason = failure.get();
    if (reason != null) {
      Throwable root = reason;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new IllegalStateException("Kafka at " + broker + " failed to start: " + root, reason);
    }
    if (System.nanoTime() - deadline > 0) {
      throw new IllegalStateException("Kafka at " + broker + " not ready in time", last);
    }
  }

  private static boolean listening(String address) {
    int colon = address.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          1_000);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Waits {@code millis} on a timer before the next attempt (the caller's start thread). */
  private static void pause(long millis, String broker) {
    try {
      CompletableFuture.runAsync(
              () -> {}, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS))
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for Kafka at " + broker, e);
    }
  }
}
