package dev.switchboard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which ports a start may move after a bind failure, and how the identity file follows. No broker.
 */
class KafkaNodeDirTest {
  @TempDir Path dir;

  @AfterEach
  void restoreChooser() {
    KafkaPorts.chooser = KafkaPorts::freePort;
  }

  @Test
  void aNewDirChoosesPortsOnceAndKeepsThem() {
    KafkaNodeDir first = KafkaNodeDir.open(dir, 0);
    KafkaNodeDir again = KafkaNodeDir.open(dir, 0);
    assertThat(first.brokerPort).isNotEqualTo(first.controllerPort);
    assertThat(again.brokerPort).isEqualTo(first.brokerPort);
    assertThat(again.controllerPort).isEqualTo(first.controllerPort);
    assertThat(again.clusterId).isEqualTo(first.clusterId);
    assertThat(first.hasMovablePorts()).isTrue();
  }

  @Test
  void chosenPortsMoveAndTheIdentityFollows() throws Exception {
    try (ServerSocket squatter = squat()) {
      AtomicBoolean first = new AtomicBoolean(true);
      KafkaPorts.chooser =
          () -> first.getAndSet(false) ? squatter.getLocalPort() : KafkaPorts.freePort();
      KafkaNodeDir dir1 = KafkaNodeDir.open(dir, 0);
      assertThat(dir1.controllerPort).isEqualTo(squatter.getLocalPort());

      KafkaNodeDir moved = dir1.withNewPorts();
      assertThat(moved.controllerPort).isNotEqualTo(squatter.getLocalPort());
      assertThat(moved.brokerPort).isNotEqualTo(moved.controllerPort);
      KafkaNodeDir reopened = KafkaNodeDir.open(dir, 0);
      assertThat(reopened.controllerPort).isEqualTo(moved.controllerPort);
      assertThat(reopened.brokerPort).isEqualTo(moved.brokerPort);
      assertThat(reopened.clusterId).isEqualTo(dir1.clusterId);
    }
  }

  @Test
  void aGivenBrokerPortInUseFailsNamingItAndNeverMoves() throws Exception {
    try (ServerSocket squatter = squat()) {
      int port = squatter.getLocalPort();
      KafkaNodeDir given = KafkaNodeDir.open(dir, port);
      assertThatThrownBy(given::requireFixedPortsFree)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("broker port " + port)
          .hasMessageContaining("given by the caller");
      assertThatThrownBy(given::withNewPorts).hasMessageContaining("broker port " + port);
    }
  }

  @Test
  void aStoredBrokerPortStaysAndASoleVotersStoredControllerPortMoves() {
    KafkaNodeDir first = KafkaNodeDir.open(dir, 0);
    KafkaNodeDir later = KafkaNodeDir.open(dir, 0);
    KafkaNodeDir moved = later.withNewPorts();
    assertThat(moved.brokerPort).as("clients know it").isEqualTo(first.brokerPort);
    assertThat(moved.controllerPort).isNotEqualTo(first.controllerPort);
  }

  @Test
  void aStartedNodesChosenBrokerPortNoLongerMoves() throws Exception {
    KafkaNodeDir announced = KafkaNodeDir.open(dir, 0).announced();
    try (ServerSocket squatter =
        new ServerSocket(announced.brokerPort, 1, InetAddress.getByName(KafkaNodeDir.HOST))) {
      assertThat(KafkaPorts.inUse(squatter.getLocalPort())).isTrue();
      assertThatThrownBy(announced::withNewPorts)
          .hasMessageContaining("broker port " + announced.brokerPort);
    }
  }

  @Test
  void aClusterNodesStoredPortsNeverMove() throws Exception {
    KafkaNodeDir first = KafkaNodeDir.open(dir, 2, 0, "cluster-a", false);
    assertThat(first.voter()).isEqualTo("2@127.0.0.1:" + first.controllerPort);
    KafkaNodeDir later = KafkaNodeDir.open(dir, 2, 0, "cluster-a", false);
    assertThat(later.hasMovablePorts()).isFalse();
    try (ServerSocket squatter =
        new ServerSocket(later.controllerPort, 1, InetAddress.getByName(KafkaNodeDir.HOST))) {
      assertThat(KafkaPorts.inUse(squatter.getLocalPort())).isTrue();
      assertThatThrownBy(later::requireFixedPortsFree)
          .hasMessageContaining("controller port " + later.controllerPort + " of node 2")
          .hasMessageContaining("controller.quorum.voters");
    }
  }

  @Test
  void aDirOfAnotherClusterOrNodeIsRefused() {
    KafkaNodeDir.open(dir, 2, 0, "cluster-a", false);
    assertThatThrownBy(() -> KafkaNodeDir.open(dir, 2, 0, "cluster-b", false))
        .hasMessageContaining("cluster-a");
    assertThatThrownBy(() -> KafkaNodeDir.open(dir, 3, 0, "cluster-a", false))
        .hasMessageContaining("node 2");
  }

  @Test
  void theDefaultChooserNeverHandsOutAPortTwice() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      assertThat(ports.add(KafkaPorts.freePort())).isTrue();
    }
  }

  @Test
  void aBindExceptionAnywhereInTheCausesIsABindFailure() {
    RuntimeException kafkaStyle =
        new RuntimeException(
            "Received a fatal error while waiting for the acceptors",
            new RuntimeException(
                "Unable to start acceptor",
                new KafkaException("Socket server failed to bind", new BindException("in use"))));
    assertThat(KafkaPorts.isBindFailure(kafkaStyle)).isTrue();
    RuntimeException suppressed = new IllegalStateException("start failed");
    suppressed.addSuppressed(new BindException("child exited with 98"));
    assertThat(KafkaPorts.isBindFailure(suppressed)).isTrue();
    assertThat(
            KafkaPorts.isBindFailure(
                new IllegalStateException("log dir locked", new KafkaException("lock"))))
        .isFalse();
  }

  private static ServerSocket squat() throws Exception {
    return new ServerSocket(0, 1, InetAddress.getByName(KafkaNodeDir.HOST));
  }
}
