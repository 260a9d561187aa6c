package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code SWITCHBOARD_KAFKA_BOOTSTRAP} is where send and tail go without --bootstrap. The
 * environment of this JVM cannot be changed, so the CLI runs in a child JVM with the variable set
 * to an address where nothing listens: the error must name that address.
 */
class BootstrapEnvTest {
  @Test
  @Timeout(120)
  void sendUsesTheEnvironmentsBootstrap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // surefire may run tests from a manifest-only jar; it names the real class path here
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            classPath,
            Main.class.getName(),
            "send",
            "iqreseller",
            "inventory.count",
            "-c",
            "acme");
    pb.environment().put(KafkaOptions.BOOTSTRAP_ENV, "127.0.0.1:1");
    Process p = pb.start();
    byte[] err = p.getErrorStream().readAllBytes();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String errText = new String(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(errText).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(errText.lines().toList())
        .isEqualTo(
            List.of(
                "switchboard send: cannot connect to Kafka at 127.0.0.1:1: no broker answered "
                    + "within 5 s (set --bootstrap or SWITCHBOARD_KAFKA_BOOTSTRAP)"));
    assertThat(out).isEmpty();
  }
}
