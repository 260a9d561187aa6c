package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The on-disk identity of one combined (broker + controller) KRaft node, shared by the in-process
 * broker, the child-JVM broker and the nodes of a child-JVM cluster.
 *
 * <p>The cluster id and node id are written into {@code meta.properties} when the log dir is
 * formatted and must stay the same for its life. They are kept, with the two ports, in {@value
 * #IDENTITY_FILE} in the data dir, and an instance is immutable: moving a port gives a new instance
 * and rewrites the file.
 *
 * <p>Whether a start may move a port after a bind failure depends on who knows it:
 *
 * <ul>
 *   <li>a broker port given by the caller never moves: the start fails naming it;
 *   <li>a broker port kept from an earlier start never moves either: clients of the dir were told
 *       it ({@code bootstrapServers()} stays the same across restarts);
 *   <li>a controller port kept from an earlier start moves if the node is its quorum's sole voter:
 *       only this node knows it (a static quorum does not write voter endpoints to disk, so a
 *       restart with another controller port keeps all data); in a cluster every voter's {@code
 *       controller.quorum.voters} names it, so it stays;
 *   <li>ports chosen for a new data dir move (they were never announced to anyone).
 * </ul>
 */
final class KafkaNodeDir {
  static final String IDENTITY_FILE = "switchboard-kafka.properties";
  static final int NODE_ID = 1;
  static final String HOST = "127.0.0.1";

  /** Where a port came from. */
  enum Origin {
    GIVEN("given by the caller"),
    STORED("kept in " + IDENTITY_FILE + " from an earlier start"),
    CHOSEN("chosen for this new data dir");

    private final String description;

    Origin(String description) {
      this.description = description;
    }
  }

  final Path dataDir;
  final Path logDir;
  final String clusterId;
  final int nodeId;
  final int brokerPort;
  final int controllerPort;
  private final Origin brokerOrigin;
  private final Origin controllerOrigin;
  private final boolean soleVoter;

  private KafkaNodeDir(
      Path dataDir,
      String clusterId,
      int nodeId,
      int brokerPort,
      Origin brokerOrigin,
      int controllerPort,
      Origin controllerOrigin,
      boolean soleVoter) {
    this.dataDir = dataDir;
    this.logDir = dataDir.resolve("kafka-logs");
    this.clusterId = clusterId;
    this.nodeId = nodeId;
    this.brokerPort = brokerPort;
    this.brokerOrigin = brokerOrigin;
    this.controllerPort = controllerPort;
    this.controllerOrigin = controllerOrigin;
    this.soleVoter = soleVoter;
  }

  /**
   * A single node ({@link #NODE_ID}, sole voter of its quorum): loads the identity kept in {@code
   * dataDir}, or creates it. {@code brokerPort} 0 keeps the stored broker port (or chooses one the
   * first time); any other value replaces it.
   */
  static KafkaNodeDir open(Path dataDir, int brokerPort) {
    return open(dataDir, NODE_ID, brokerPort, null, true);
  }

  /**
   * One node of a cluster, or a single node. {@code clusterId} null keeps the stored one (or makes
   * one up the first time); otherwise the dir must be new or belong to that cluster.
   */
  static KafkaNodeDir open(
      Path dataDir, int nodeId, int brokerPort, String clusterId, boolean soleVoter) {
    try {
      Files.createDirectories(dataDir);
      Properties stored = new Properties();
      Path file = dataDir.resolve(IDENTITY_FILE);
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file)) {
          stored.load(in);
        }
      }
      // Files written before node ids were recorded belong to single nodes, id 1.
      int storedNodeId = Integer.parseInt(stored.getProperty("node.id", String.valueOf(NODE_ID)));
      String storedClusterId = stored.getProperty("cluster.id");
      if (storedClusterId != null && storedNodeId != nodeId) {
        throw new IllegalStateException(
            "Kafka data dir " + dataDir + " belongs to node " + storedNodeId + ", not " + nodeId);
      }
      if (storedClusterId != null && clusterId != null && !storedClusterId.equals(clusterId)) {
        throw new IllegalStateException(
            "Kafka data dir "
                + dataDir
                + " belongs to cluster "
                + storedClusterId
                + ", not "
                + clusterId);
      }
      String cluster =
          storedClusterId != null
              ? storedClusterId
              : clusterId != null ? clusterId : Uuid.randomUuid().toString();

      String storedBroker = stored.getProperty("broker.port");
      Origin brokerOrigin =
          brokerPort != 0 ? Origin.GIVEN : storedBroker != null ? Origin.STORED : Origin.CHOSEN;
      String storedController = stored.getProperty("controller.port");
      Origin controllerOrigin = storedController != null ? Origin.STORED : Origin.CHOSEN;
      int controllerPort =
          storedController != null
              ? Integer.parseInt(storedController)
              : chooseOtherThan(brokerPort);
      int port =
          switch (brokerOrigin) {
            case GIVEN -> brokerPort;
            case STORED -> Integer.parseInt(storedBroker);
            case CHOSEN -> chooseOtherThan(controllerPort);
          };
      KafkaNodeDir dir =
          new KafkaNodeDir(
              dataDir.toAbsolutePath(),
              cluster,
              nodeId,
              port,
              brokerOrigin,
              controllerPort,
              controllerOrigin,
              soleVoter);
      dir.writeIdentity();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open Kafka data dir " + dataDir, e);
    }
  }

  String bootstrapServers() {
    return HOST + ":" + brokerPort;
  }

  /** This node's entry in {@code controller.quorum.voters}: {@code id@host:controllerPort}. */
  String voter() {
    return nodeId + "@" + HOST + ":" + controllerPort;
  }

  /** Server properties for a single node, its own sole voter. */
  Properties serverProperties(Map<String, String> overrides) {
    return serverProperties(voter(), overrides);
  }

  /**
   * Server properties for one combined node with single-node defaults for the internal topics;
   * {@code overrides} (a cluster's replication settings, then the caller's) win over them.
   */
  Properties serverProperties(String voters, Map<String, String> overrides) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", String.valueOf(nodeId));
    p.setProperty("controller.quorum.voters", voters);
    p.setProperty(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", logDir.toString());
    // One broker: every internal topic must have one replica, or groups and transactions stall.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // The 128 MiB default is allocated on the heap up front.
    p.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
    p.putAll(overrides);
    return p;
  }

  /** Formats the log dir unless it already is: reformatting would wipe the cluster's metadata. */
  void formatIfNeeded() throws Exception {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    // A static quorum (controller.quorum.voters): the voters' endpoints are not written to disk.
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(nodeId)
        .setClusterId(clusterId)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(logDir.toString())
        .addDirectory(logDir.toString())
        .run();
  }

  /**
   * The same node once it has started: its chosen ports are now known to clients and voters, so
   * from here on they count as {@link Origin#STORED} (as they will on the next {@code open}).
   */
  KafkaNodeDir announced() {
    return new KafkaNodeDir(
        dataDir,
        clusterId,
        nodeId,
        brokerPort,
        announced(brokerOrigin),
        controllerPort,
        announced(controllerOrigin),
        soleVoter);
  }

  /** Whether a start may move any of this node's ports after a bind failure. */
  boolean hasMovablePorts() {
    return brokerMovable() || controllerMovable();
  }

  /**
   * Fails, naming the port and why it cannot move, if a port that must not move is in use now.
   * Checked before a start so a taken port gives a clear message instead of a broker's stack trace.
   */
  void requireFixedPortsFree() {
    if (!brokerMovable() && KafkaPorts.inUse(brokerPort)) {
      throw new IllegalStateException(
          describe("broker", brokerPort, brokerOrigin)
              + " is already in use on "
              + HOST
              + "; it cannot move, "
              + (brokerOrigin == Origin.GIVEN
                  ? "pass another port or stop what listens there"
                  : "clients of " + dataDir + " use it; free it or start with an explicit port"));
    }
    if (!controllerMovable() && KafkaPorts.inUse(controllerPort)) {
      throw new IllegalStateException(
          describe("controller", controllerPort, controllerOrigin)
              + " is already in use on "
              + HOST
              + "; it cannot move, every voter of the cluster names it"
              + " in controller.quorum.voters; free it");
    }
  }

  /**
   * After a start of this node failed to bind: the same node with new movable ports, its identity
   * file rewritten. Throws {@link IllegalStateException} naming the port if a port that must not
   * move is the one in use, or if no port may move.
   */
  KafkaNodeDir withNewPorts() {
    requireFixedPortsFree();
    if (!hasMovablePorts()) {
      throw new IllegalStateException(
          "Kafka node "
              + nodeId
              + " in "
              + dataDir
              + " could not bind "
              + describe("broker", brokerPort, brokerOrigin)
              + " or "
              + describe("controller", controllerPort, controllerOrigin)
              + " on "
              + HOST
              + ", and neither may move");
    }
    int controller =
        controllerMovable() ? chooseOtherThan(brokerMovable() ? -1 : brokerPort) : controllerPort;
    int broker = brokerMovable() ? chooseOtherThan(controller) : brokerPort;
    KafkaNodeDir moved =
        new KafkaNodeDir(
            dataDir,
            clusterId,
            nodeId,
            broker,
            brokerOrigin,
            controller,
            controllerOrigin,
            soleVoter);
    try {
      moved.writeIdentity();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot rewrite " + dataDir.resolve(IDENTITY_FILE), e);
    }
    return moved;
  }

  private static Origin announced(Origin origin) {
    return origin == Origin.CHOSEN ? Origin.STORED : origin;
  }

  private boolean brokerMovable() {
    return brokerOrigin == Origin.CHOSEN;
  }

  private boolean controllerMovable() {
    return controllerOrigin == Origin.CHOSEN || soleVoter;
  }

  private String describe(String role, int port, Origin origin) {
    return "Kafka "
        + role
        + " port "
        + port
        + " of node "
        + nodeId
        + " ("
        + origin.description
        + ")";
  }

  private void writeIdentity() throws IOException {
    Properties identity = new Properties();
    identity.setProperty("cluster.id", clusterId);
    identity.setProperty("node.id", String.valueOf(nodeId));
    identity.setProperty("controller.port", String.valueOf(controllerPort));
    identity.setProperty("broker.port", String.valueOf(brokerPort));
    try (Writer out = Files.newBufferedWriter(dataDir.resolve(IDENTITY_FILE))) {
      identity.store(
          out,
          "Switchboard Kafka node identity: cluster.id and node.id are fixed for the life of kafka-logs/");
    }
  }

  /** A chosen port other than {@code taken} (0 or -1: any). */
  private static int chooseOtherThan(int taken) {
    int port = KafkaPorts.choose();
    return port != taken ? port : KafkaPorts.choose();
  }
}
