package dev.switchboard.kafka.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an in-process Kafka broker from killing the JVM it is embedded in.
 *
 * <p>On a fatal fault (metadata log corruption, a failed controller, a broken log dir) the
 * broker calls {@code org.apache.kafka.common.utils.Exit.halt/exit}, which by default is
 * {@code Runtime.halt}: the whole application, or the surefire fork, disappears without a
 * report. This guard replaces both procedures, JVM-wide and once, with one that records the
 * fault and throws {@link KafkaFatalFault} on the faulting thread. Brokers starting in this JVM
 * check the recorded faults and fail {@code start()} instead.
 *
 * <p>The class moved to {@code org.apache.kafka.server.util} in Kafka 4.4.0: this is the one
 * place to change on upgrade.
 */
final class KafkaExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static final List<KafkaFatalFault> FAULTS = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private KafkaExitGuard() {
    }

    /** Thrown on the thread that asked Kafka to exit or halt the JVM. */
    static final class KafkaFatalFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KafkaFatalFault(String message) {
            super(message);
        }
    }

    /** Installs the procedures; idempotent. Never reset: other brokers may still be running. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setExitProcedure((code, message) -> fault("exit", code, message));
        Exit.setHaltProcedure((code, message) -> fault("halt", code, message));
        installed = true;
    }

    /** A mark to pass to {@link #faultSince(int)}: faults recorded before it are ignored. */
    static int mark() {
        return FAULTS.size();
    }

    /** The first fault recorded after {@code mark}, or {@code null}. */
    static KafkaFatalFault faultSince(int mark) {
        return FAULTS.size() > mark ? FAULTS.get(mark) : null;
    }

    private static void fault(String kind, int code, String message) {
        KafkaFatalFault fault = new KafkaFatalFault(
                "Kafka requested JVM " + kind + "(" + code + ")" + (message == null ? "" : ": " + message));
        FAULTS.add(fault);
        LOG.error("{}; the JVM keeps running, the broker is unusable", fault.getMessage(), fault);
        // Throwing ends the faulting Kafka thread here, as the halt would have, but only that thread.
        throw fault;
    }
}
