package dev.switchboard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect "Two platforms on one machine can collide": a port chosen for a broker was taken by
 * someone else before the broker bound it, and the start failed. The race is made deterministic by
 * handing the broker, as its first chosen ports, ports another socket of the test holds.
 */
class KafkaPortCollisionIT {
  @TempDir Path dir;

  @AfterEach
  void restoreChooser() {
    KafkaPorts.chooser = KafkaPorts::freePort;
  }

  @Test
  void inProcessBrokerMovesChosenPortsSomeoneElseTookFirst() throws Exception {
    try (ServerSocket controllerSquatter = squat();
        ServerSocket brokerSquatter = squat()) {
      handOutFirst(controllerSquatter.getLocalPort(), brokerSquatter.getLocalPort());
      Path dataDir = dir.resolve("platform");
      try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
        assertMovedAwayFrom(dataDir, broker.bootstrapServers(), controllerSquatter, brokerSquatter);
        KafkaClients.produce(broker.bootstrapServers(), "moved", "k", "v");
      }
      // The new ports are the dir's ports from now on.
      String bootstrap = identityBootstrap(dataDir);
      try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
      }
    }
  }

  @Test
  void childJvmBrokerMovesChosenPortsSomeoneElseTookFirst() throws Exception {
    try (ServerSocket controllerSquatter = squat();
        ServerSocket brokerSquatter = squat()) {
      handOutFirst(controllerSquatter.getLocalPort(), brokerSquatter.getLocalPort());
      Path dataDir = dir.resolve("child");
      try (ChildJvmKafkaBroker broker = ChildJvmKafkaBroker.start(dataDir, 0)) {
        assertMovedAwayFrom(dataDir, broker.bootstrapServers(), controllerSquatter, brokerSquatter);
        KafkaClients.produce(broker.bootstrapServers(), "moved", "k", "v");
      }
    }
  }

  @Test
  void clusterStartsAgainWithNewPortsWhenANodesChosenPortWasTaken() throws Exception {
    try (ServerSocket squatter = squat()) {
      // Node 1's controller port: in every voter list, so the whole cluster must move.
      handOutFirst(squatter.getLocalPort());
      try (ChildJvmKafkaCluster cluster = ChildJvmKafkaCluster.start(dir.resolve("cluster"), 3)) {
        Properties node1 = identity(dir.resolve("cluster").resolve("node-1"));
        assertThat(node1.getProperty("controller.port"))
            .isNotEqualTo(String.valueOf(squatter.getLocalPort()));
        assertThat(cluster.bootstrapServers(0))
            .isEqualTo(identityBootstrap(dir.resolve("cluster").resolve("node-1")));
        KafkaClients.produce(cluster.bootstrapServers(), "moved", "k", "v");
      }
    }
  }

  @Test
  void twoInProcessBrokersStartingTogetherOnFreshDirsBothStart() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        List<Future<EmbeddedKafkaBroker>> starts = new ArrayList<>();
        for (String name : List.of("a", "b")) {
          Path dataDir = dir.resolve("round-" + round + "-" + name);
          starts.add(pool.submit(() -> EmbeddedKafkaBroker.start(dataDir, 0)));
        }
        List<EmbeddedKafkaBroker> brokers = new ArrayList<>();
        try {
          for (Future<EmbeddedKafkaBroker> start : starts) {
            brokers.add(start.get(60, TimeUnit.SECONDS));
          }
          assertThat(
                  brokers.stream()
                      .map(EmbeddedKafkaBroker::bootstrapServers)
                      .collect(Collectors.toSet()))
              .hasSize(2);
        } finally {
          brokers.forEach(EmbeddedKafkaBroker::close);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void secondBrokerHandedTheRunningOnesPortsMovesToOthers() throws Exception {
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir.resolve("first"), 0)) {
      Properties taken = identity(dir.resolve("first"));
      // Exactly the collision of two platforms choosing at the same moment.
      handOutFirst(
          Integer.parseInt(taken.getProperty("controller.port")),
          Integer.parseInt(taken.getProperty("broker.port")));
      try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dir.resolve("second"), 0)) {
        assertThat(second.bootstrapServers()).isNotEqualTo(first.bootstrapServers());
        KafkaClients.produce(second.bootstrapServers(), "second", "k", "v");
        KafkaClients.produce(first.bootstrapServers(), "first", "k", "v");
      }
    }
  }

  @Test
  void storedControllerPortTakenOnRestartMovesAndKeepsData() throws Exception {
    Path dataDir = dir.resolve("restart");
    String bootstrap;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
      bootstrap = broker.bootstrapServers();
      KafkaClients.produce(bootstrap, "kept", "k", "before");
    }
    int controllerPort = Integer.parseInt(identity(dataDir).getProperty("controller.port"));
    try (ServerSocket squatter =
            new ServerSocket(controllerPort, 1, InetAddress.getByName(KafkaNodeDir.HOST));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
      assertThat(broker.bootstrapServers())
          .as("the broker port is what clients know: kept")
          .isEqualTo(bootstrap);
      assertThat(Integer.parseInt(identity(dataDir).getProperty("controller.port")))
          .isNotEqualTo(squatter.getLocalPort());
      try (KafkaConsumer<String, String> consumer =
          KafkaClients.consumer(bootstrap, "after-move")) {
        consumer.subscribe(List.of("kept"));
        assertThat(KafkaClients.poll(consumer, 1, Duration.ofSeconds(20)))
            .extracting(ConsumerRecord::value)
            .containsExactly("before");
      }
    }
  }

  @Test
  void storedBrokerPortTakenOnRestartFailsNamingIt() throws Exception {
    Path dataDir = dir.resolve("pinned");
    int brokerPort;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
      brokerPort =
          Integer.parseInt(
              broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
    }
    try (ServerSocket squatter =
        new ServerSocket(brokerPort, 1, InetAddress.getByName(KafkaNodeDir.HOST))) {
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("broker port " + squatter.getLocalPort())
          .hasMessageContaining("in use");
    }
    assertThat(identity(dataDir).getProperty("broker.port")).isEqualTo(String.valueOf(brokerPort));
  }

  private static ServerSocket squat() throws Exception {
    return new ServerSocket(0, 1, InetAddress.getByName(KafkaNodeDir.HOST));
  }

  /** The chooser hands out {@code ports} first (controller, then broker), then free ones. */
  private static void handOutFirst(int... ports) {
    Queue<Integer> first = new ConcurrentLinkedQueue<>();
    for (int port : ports) {
      first.add(port);
    }
    KafkaPorts.chooser =
        () -> {
          Integer port = first.poll();
          return port != null ? port : KafkaPorts.freePort();
        };
  }

  private static void assertMovedAwayFrom(Path dataDir, String bootstrap, ServerSocket... squatters)
      throws Exception {
    Properties identity = identity(dataDir);
    Set<String> taken =
        Arrays.stream(squatters)
            .map(s -> String.valueOf(s.getLocalPort()))
            .collect(Collectors.toSet());
    assertThat(taken)
        .doesNotContain(
            identity.getProperty("controller.port"), identity.getProperty("broker.port"));
    assertThat(bootstrap)
        .as("rewritten identity and served port agree")
        .isEqualTo(identityBootstrap(dataDir));
  }

  private static String identityBootstrap(Path dataDir) throws Exception {
    return KafkaNodeDir.HOST + ":" + identity(dataDir).getProperty("broker.port");
  }

  private static Properties identity(Path dataDir) throws Exception {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(dataDir.resolve(KafkaNodeDir.IDENTITY_FILE))) {
      p.load(in);
    }
    return p;
  }
}
