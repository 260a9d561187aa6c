package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of N combined (broker + controller) nodes, each in its own child JVM, for fault
 * tests: kill a node with {@code kill -9}, keep producing and consuming, restart it, watch it
 * rejoin.
 *
 * <p>Node {@code i} (index 0 to N-1) has node id {@code i + 1}, its own ports and its data in
 * {@code <dir>/node-<id>} (log dir, {@code broker.log}, identity file). All nodes are formatted
 * with the same cluster id and are the voters of one static quorum. Defaults suit replication
 * tests: replication factor N for new and internal topics, {@code min.insync.replicas} N-1 (at
 * least 1), and a 2 s broker session so a killed node is fenced, and a restarted one back, within
 * seconds.
 *
 * <p>Ports: on the first start of a new dir, a node that cannot bind a port chosen for it makes the
 * whole cluster start again with new ports (the controller ports are in every node's voter list).
 * After that the ports are fixed (but for the controller port of a one-node cluster, which moves as
 * a single broker's does): a restart, or a start on an existing dir, whose port is in use fails
 * with a message naming it.
 */
public final class ChildJvmKafkaCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChildJvmKafkaCluster.class);

  /** All nodes start at once, N JVMs sharing the machine's cores: more time than for one broker. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static final String DEFAULT_HEAP = "256m";

  /**
   * N JVMs boot at once on a small machine: C1 only and the serial collector leave the cores to
   * Kafka instead of to JIT and GC threads. Throughput does not matter in a fault test.
   */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final Path dir;
  private final String clusterId;
  private final List<KafkaChildNode> nodes;

  private ChildJvmKafkaCluster(Path dir, String clusterId, List<KafkaChildNode> nodes) {
    this.dir = dir;
    this.clusterId = clusterId;
    this.nodes = nodes;
  }

  /**
   * Starts {@code nodes} nodes with a 256 MiB heap each; see {@link #start(Path, int, String,
   * Map)}.
   */
  public static ChildJvmKafkaCluster start(Path dir, int nodes) {
    return start(dir, nodes, DEFAULT_HEAP, Map.of());
  }

  /**
   * Formats the node dirs under {@code dir} if new, starts every node and returns once an admin
   * client sees all of them as brokers of the cluster (at most about 60 s, else {@link
   * IllegalStateException} with the failed node's log tail). A dir is reused as is if it already
   * holds a cluster of the same size.
   *
   * @param nodes number of nodes, at least 1
   * @param maxHeapPerNode each child's {@code -Xmx} value, such as {@code "256m"}
   * @param overrides broker settings for every node, over the cluster defaults
   */
  public static ChildJvmKafkaCluster start(
      Path dir, int nodes, String maxHeapPerNode, Map<String, String> overrides) {
    if (nodes < 1) {
      throw new IllegalArgumentException("A cluster needs at least one node, not " + nodes);
    }
    Path root = dir.toAbsolutePath();
    requireSameSize(root, nodes);
    Map<String, String> settings = defaults(nodes);
    settings.putAll(overrides);
    List<KafkaChildNode> children = new ArrayList<>();
    String clusterId = null;
    for (int id = 1; id <= nodes; id++) {
      // The first node's identity decides the cluster id; the others must agree with it.
      KafkaNodeDir nodeDir =
          KafkaNodeDir.open(root.resolve("node-" + id), id, 0, clusterId, nodes == 1);
      clusterId = nodeDir.clusterId;
      try {
        nodeDir.formatIfNeeded();
      } catch (Exception e) {
        throw new IllegalStateException(
            "Cannot prepare Kafka node " + id + " in " + nodeDir.dataDir + ": " + e.getMessage(),
            e);
      }
      children.add(new KafkaChildNode(nodeDir, maxHeapPerNode, JVM_OPTIONS, settings));
    }
    ChildJvmKafkaCluster cluster = new ChildJvmKafkaCluster(root, clusterId, List.copyOf(children));
    cluster.launchAll();
    return cluster;
  }

  /** The settings every node starts with, before the caller's overrides. */
  static Map<String, String> defaults(int nodes) {
    String all = String.valueOf(nodes);
    String allButOne = String.valueOf(Math.max(1, nodes - 1));
    Map<String, String> settings = new HashMap<>();
    // acks=all keeps working with one node down, and no acknowledged record lives on one node only.
    settings.put("default.replication.factor", all);
    settings.put("min.insync.replicas", allButOne);
    settings.put("offsets.topic.replication.factor", all);
    settings.put("transaction.state.log.replication.factor", all);
    settings.put("transaction.state.log.min.isr", allButOne);
    settings.put("share.coordinator.state.topic.replication.factor", all);
    settings.put("share.coordinator.state.topic.min.isr", allButOne);
    // A killed node is fenced (and leaves the ISRs) after 2 s; its restart re-registers without
    // waiting ~12 s for the old session to expire.
    settings.put("broker.session.timeout.ms", "2000");
    settings.put("broker.heartbeat.interval.ms", "500");
    return settings;
  }

  /** Every node's {@code 127.0.0.1:port}, comma separated, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return nodes.stream()
        .map(node -> node.dir().bootstrapServers())
        .collect(Collectors.joining(","));
  }

  /** The {@code 127.0.0.1:port} of one node, the same across its restarts. */
  public String bootstrapServers(int nodeIndex) {
    return node(nodeIndex).dir().bootstrapServers();
  }

  /**
   * The Kafka node id (also its broker id) of the node at {@code nodeIndex}: {@code nodeIndex + 1}.
   */
  public int nodeId(int nodeIndex) {
    return node(nodeIndex).dir().nodeId;
  }

  /** Number of nodes, running or not. */
  public int nodeCount() {
    return nodes.size();
  }

  /** The cluster id all nodes were formatted with. */
  public String clusterId() {
    return clusterId;
  }

  /** Whether the node's child JVM is running. */
  public boolean isRunning(int nodeIndex) {
    return node(nodeIndex).isRunning();
  }

  /** The node's combined stdout and stderr, appended across restarts. */
  public Path logFile(int nodeIndex) {
    return node(nodeIndex).logFile();
  }

  /** Kills the node at once ({@code kill -9}): no flush, no controlled shutdown. Idempotent. */
  public void kill(int nodeIndex) {
    node(nodeIndex).kill();
  }

  /** Stops the node gracefully (controlled shutdown; kill -9 after 30 s). Idempotent. */
  public void stop(int nodeIndex) {
    node(nodeIndex).stop();
  }

  /**
   * Starts the node again on its dir and ports (stopping it first if it still runs) and returns
   * once it serves as a broker of the cluster again: registered and unfenced, seen through itself.
   * It may still be catching up on its replicas: wait for the ISRs where a test needs them full.
   */
  public void restart(int nodeIndex) {
    KafkaChildNode node = node(nodeIndex);
    synchronized (node) {
      long began = System.nanoTime();
      node.stop();
      KafkaNodeDir nodeDir = node.dir();
      nodeDir.requireFixedPortsFree();
      node.launch(voters());
      try {
        KafkaReadiness.await(
            List.of(nodeDir.bootstrapServers()),
            clusterId,
            Set.of(nodeDir.nodeId),
            KafkaReadiness.START_TIMEOUT,
            node::failure);
      } catch (RuntimeException e) {
        node.kill();
        throw e;
      }
      LOG.info(
          "Kafka node {} (child JVM {}) back at {} in {} ms",
          nodeDir.nodeId,
          node.pid(),
          nodeDir.bootstrapServers(),
          Duration.ofNanos(System.nanoTime() - began).toMillis());
    }
  }

  /**
   * Stops every node gracefully, all at once (one by one, the last node would wait for a quorum
   * that is gone to approve its controlled shutdown). Takes about 5 s: the quorum leader, last to
   * go, waits that long for a successor before its raft client gives up. The data is kept.
   * Idempotent.
   */
  @Override
  public void close() {
    nodes.forEach(KafkaChildNode::signalStop);
    nodes.forEach(KafkaChildNode::stop);
  }

  private void launchAll() {
    long began = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      nodes.forEach(node -> node.dir().requireFixedPortsFree());
      String voters = voters();
      nodes.forEach(node -> node.launch(voters));
      try {
        KafkaReadiness.await(
            nodes.stream().map(node -> node.dir().bootstrapServers()).toList(),
            clusterId,
            nodes.stream().map(node -> node.dir().nodeId).collect(Collectors.toSet()),
            START_TIMEOUT,
            this::firstFailure);
        break;
      } catch (RuntimeException e) {
        nodes.forEach(KafkaChildNode::kill);
        if (!KafkaPorts.isBindFailure(e) || attempt == KafkaPorts.MAX_ATTEMPTS) {
          throw e;
        }
        moveMovablePorts(e);
      }
    }
    // The voters now know each other's controller ports and clients the broker ports: they stay.
    nodes.forEach(node -> node.moveTo(node.dir().announced()));
    LOG.info(
        "Kafka cluster of {} nodes ready at {} in {} ms (dir {})",
        nodes.size(),
        bootstrapServers(),
        Duration.ofNanos(System.nanoTime() - began).toMillis(),
        dir);
  }

  /**
   * After a bind failure: new ports for every node that may move its own; all nodes start again.
   */
  private void moveMovablePorts(RuntimeException bindFailure) {
    boolean moved = false;
    for (KafkaChildNode node : nodes) {
      KafkaNodeDir nodeDir = node.dir();
      if (nodeDir.hasMovablePorts()) {
        node.moveTo(nodeDir.withNewPorts());
        moved = true;
      } else {
        nodeDir.requireFixedPortsFree();
      }
    }
    if (!moved) {
      throw new IllegalStateException(
          "Kafka cluster in " + dir + " could not bind its ports, and none may move", bindFailure);
    }
    LOG.warn(
        "Kafka cluster in {} could not bind its ports; starting again with new ones ({})",
        dir,
        voters());
  }

  private Throwable firstFailure() {
    for (KafkaChildNode node : nodes) {
      Throwable failure = node.failure();
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  private String voters() {
    return nodes.stream().map(node -> node.dir().voter()).collect(Collectors.joining(","));
  }

  private KafkaChildNode node(int nodeIndex) {
    if (nodeIndex < 0 || nodeIndex >= nodes.size()) {
      throw new IndexOutOfBoundsException(
          "Node index " + nodeIndex + " of a cluster of " + nodes.size());
    }
    return nodes.get(nodeIndex);
  }

  /** Refuses a dir that holds a cluster of another size: its voters would not match. */
  private static void requireSameSize(Path root, int nodes) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> entries = Files.list(root)) {
      long existing = entries.filter(p -> p.getFileName().toString().matches("node-\\d+")).count();
      if (existing != 0 && existing != nodes) {
        throw new IllegalStateException(
            "Kafka cluster dir " + root + " holds " + existing + " nodes, not " + nodes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
  }
}
