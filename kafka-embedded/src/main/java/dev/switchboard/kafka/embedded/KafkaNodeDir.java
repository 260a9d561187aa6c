package dev.switchboard.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The on-disk identity of a single combined (broker + controller) KRaft node, shared by the
 * in-process and the child-JVM broker.
 *
 * <p>The controller port is written into the formatted metadata quorum, and the cluster id into
 * {@code meta.properties}: both must stay the same for the life of the log dir. They are chosen on
 * the first start and kept, with the broker port, in {@value #IDENTITY_FILE} in the data dir.
 */
final class KafkaNodeDir {
    static final String IDENTITY_FILE = "switchboard-kafka.properties";
    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";

    final Path dataDir;
    final Path logDir;
    final String clusterId;
    final int brokerPort;
    final int controllerPort;

    private KafkaNodeDir(Path dataDir, String clusterId, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.logDir = dataDir.resolve("kafka-logs");
        this.clusterId = clusterId;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /**
     * Loads the identity kept in {@code dataDir}, or creates it. {@code brokerPort} 0 keeps the
     * stored broker port (or picks a free one the first time); any other value replaces it.
     */
    static KafkaNodeDir open(Path dataDir, int brokerPort) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(IDENTITY_FILE);
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
            }
            String clusterId = stored.getProperty("cluster.id");
            if (clusterId == null) {
                clusterId = Uuid.randomUuid().toString();
            }
            int controllerPort = storedPort(stored, "controller.port", brokerPort);
            int port = brokerPort != 0 ? brokerPort : storedPort(stored, "broker.port", controllerPort);
            stored.setProperty("cluster.id", clusterId);
            stored.setProperty("controller.port", String.valueOf(controllerPort));
            stored.setProperty("broker.port", String.valueOf(port));
            try (Writer out = Files.newBufferedWriter(file)) {
                stored.store(out, "Switchboard Kafka node identity: fixed for the life of kafka-logs/");
            }
            return new KafkaNodeDir(dataDir.toAbsolutePath(), clusterId, port, controllerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open Kafka data dir " + dataDir, e);
        }
    }

    String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** Server properties for a single combined node; {@code overrides} win over the defaults. */
    Properties serverProperties(Map<String, String> overrides) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
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
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .run();
    }

    private static int storedPort(Properties stored, String key, int avoid) throws IOException {
        String value = stored.getProperty(key);
        if (value != null) {
            return Integer.parseInt(value);
        }
        int port = freePort();
        return port != avoid ? port : freePort();
    }

    private static int freePort() throws IOException {
        // Small race (another process may take it before the broker binds); fine for tests and a
        // local default, and the port is then kept so it only happens once per data dir.
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }
}
