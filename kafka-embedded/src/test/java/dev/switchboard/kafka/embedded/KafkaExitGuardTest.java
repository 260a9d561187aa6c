package dev.switchboard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

/** Kafka's exit and halt calls must not end the JVM once the guard is installed. */
class KafkaExitGuardTest {
  @Test
  void haltAndExitThrowAndAreRecordedInsteadOfEndingTheJvm() {
    KafkaExitGuard.install();
    KafkaExitGuard.install(); // idempotent
    int mark = KafkaExitGuard.mark();
    assertThat(KafkaExitGuard.faultSince(mark)).isNull();

    assertThatThrownBy(() -> Exit.halt(1, "metadata log corrupted"))
        .isInstanceOf(KafkaExitGuard.KafkaFatalFault.class)
        .hasMessageContaining("halt(1)")
        .hasMessageContaining("metadata log corrupted");
    assertThatThrownBy(() -> Exit.exit(2))
        .isInstanceOf(KafkaExitGuard.KafkaFatalFault.class)
        .hasMessageContaining("exit(2)");

    // The first fault after the mark is the one a starting broker reports.
    assertThat(KafkaExitGuard.faultSince(mark)).hasMessageContaining("metadata log corrupted");
    assertThat(KafkaExitGuard.faultSince(KafkaExitGuard.mark())).isNull();
  }

  @Test
  void aHaltRequestedWhileStartingReturnsSoTheStartupFailsWithItsOwnCause() {
    KafkaExitGuard.install();
    int mark = KafkaExitGuard.mark();
    IllegalStateException cause = new IllegalStateException("Socket server failed to bind");
    // As ControllerServer.startup: the fault handler asks for a halt, then the exception is
    // rethrown.
    assertThatThrownBy(
            () ->
                KafkaExitGuard.runStartup(
                    () -> {
                      Exit.halt(1);
                      throw cause;
                    }))
        .isSameAs(cause);
    assertThat(cause.getSuppressed())
        .singleElement()
        .isInstanceOf(KafkaExitGuard.KafkaFatalFault.class);
    assertThat(KafkaExitGuard.faultSince(mark))
        .as("not charged to other brokers starting meanwhile")
        .isNull();

    // A startup that returns although it asked for a halt still fails.
    assertThatThrownBy(() -> KafkaExitGuard.runStartup(() -> Exit.halt(1)))
        .isInstanceOf(KafkaExitGuard.KafkaFatalFault.class)
        .hasMessageContaining("halt(1)");
    // Outside a startup the guard throws again.
    assertThatThrownBy(() -> Exit.halt(1)).isInstanceOf(KafkaExitGuard.KafkaFatalFault.class);
  }
}
