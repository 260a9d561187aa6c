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
                .hasMessageContaining("halt(1)").hasMessageContaining("metadata log corrupted");
        assertThatThrownBy(() -> Exit.exit(2))
                .isInstanceOf(KafkaExitGuard.KafkaFatalFault.class)
                .hasMessageContaining("exit(2)");

        // The first fault after the mark is the one a starting broker reports.
        assertThat(KafkaExitGuard.faultSince(mark)).hasMessageContaining("metadata log corrupted");
        assertThat(KafkaExitGuard.faultSince(KafkaExitGuard.mark())).isNull();
    }
}
