package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity a restarted instance comes back with: the environment's, else its data dir's. */
class InstanceIdentityTest {
  @TempDir Path dataDir;

  @Test
  void theEnvironmentWins() throws Exception {
    assertThat(InstanceIdentity.resolve(Map.of(InstanceIdentity.ENV, "switchboard-0"), dataDir))
        .isEqualTo("switchboard-0");
    assertThat(dataDir.resolve(InstanceIdentity.FILE)).doesNotExist();
  }

  @Test
  void withoutItOneIsGeneratedOnceAndKeptInTheDataDir() throws Exception {
    String first = InstanceIdentity.resolve(Map.of(), dataDir);
    assertThat(first).startsWith("switchboard-").matches("[a-zA-Z0-9._-]+");
    assertThat(InstanceIdentity.resolve(Map.of(), dataDir)).isEqualTo(first);
    assertThat(Files.readString(dataDir.resolve(InstanceIdentity.FILE)).trim()).isEqualTo(first);
    assertThat(InstanceIdentity.resolve(Map.of(), dataDir.resolve("other"))).isNotEqualTo(first);
  }

  @Test
  void anIdKafkaWouldRefuseIsRefusedAtStart() {
    assertThatThrownBy(
            () -> InstanceIdentity.resolve(Map.of(InstanceIdentity.ENV, "pod 0!"), dataDir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(InstanceIdentity.ENV);
  }
}
