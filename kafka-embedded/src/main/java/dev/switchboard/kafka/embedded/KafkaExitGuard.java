package dev.switchboard.kafka.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an in-process Kafka broker from killing the JVM it is embedded in.
 *
 * <p>On a fatal fault (metadata log corruption, a failed controller, a broken log dir) the broker
 * calls {@code org.apache.kafka.common.utils.Exit.halt/exit}, which by default is {@code
 * Runtime.halt}: the whole application, or the surefire fork, disappears without a report. This
 * guard replaces both procedures, JVM-wide and once, with one that records the fault and throws
 * {@link KafkaFatalFault} on the faulting thread. Brokers starting in this JVM check the recorded
 * faults and fail {@code start()} instead.
 *
 * <p>Except on a thread inside {@link #runStartup(Runnable)}: a failed controller startup hands its
 * exception to a fault handler that only asks for a halt, then shuts the controller down and
 * rethrows the exception. Throwing there would replace that exception (a {@code BindException}
 * inside when a port is taken) with a fault that has no cause; so on that thread the request is
 * noted and returns, and the startup fails with the real cause. The child-JVM broker uses the same
 * hook with the JVM's real exit and halt everywhere else.
 *
 * <p>The class moved to {@code org.apache.kafka.server.util} in Kafka 4.4.0: this is the one place
 * to change on upgrade.
 */
final class KafkaExitGuard {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
  private static final List<KafkaFatalFault> FAULTS = new CopyOnWriteArrayList<>();

  /** Faults requested on this thread while it runs a startup; null outside {@link #runStartup}. */
  private static final ThreadLocal<List<KafkaFatalFault>> STARTUP_FAULTS = new ThreadLocal<>();

  private static boolean installed;

  private KafkaExitGuard() {}

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
    Exit.setExitProcedure(
        (code, message) -> {
          if (!deferredOnStartupThread("exit", code, message)) {
            fault("exit", code, message);
          }
        });
    Exit.setHaltProcedure(
        (code, message) -> {
          if (!deferredOnStartupThread("halt", code, message)) {
            fault("halt", code, message);
          }
        });
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

  /**
   * Runs a Kafka server's {@code startup()} on this thread; exit and halt requests made on this
   * thread meanwhile return instead of ending anything (see the class comment). Rethrows what
   * {@code startup} throws, with the requests as suppressed exceptions; if it returns normally
   * although a request was made, throws the first request as a {@link KafkaFatalFault}.
   */
  static void runStartup(Runnable startup) {
    List<KafkaFatalFault> requested = new ArrayList<>();
    STARTUP_FAULTS.set(requested);
    try {
      startup.run();
    } catch (RuntimeException | Error e) {
      requested.forEach(e::addSuppressed);
      throw e;
    } finally {
      STARTUP_FAULTS.remove();
    }
    if (!requested.isEmpty()) {
      throw requested.get(0);
    }
  }

  /**
   * For an exit or halt procedure: if this thread is inside {@link #runStartup}, notes the request
   * and returns true (the procedure must then return); otherwise false.
   */
  static boolean deferredOnStartupThread(String kind, int code, String message) {
    List<KafkaFatalFault> requested = STARTUP_FAULTS.get();
    if (requested == null) {
      return false;
    }
    requested.add(new KafkaFatalFault(describe(kind, code, message)));
    LOG.warn(
        "Kafka requested JVM {}({}) while starting; the startup fails with the cause instead",
        kind,
        code);
    return true;
  }

  private static void fault(String kind, int code, String message) {
    KafkaFatalFault fault = new KafkaFatalFault(describe(kind, code, message));
    FAULTS.add(fault);
    LOG.error("{}; the JVM keeps running, the broker is unusable", fault.getMessage(), fault);
    // Throwing ends the faulting Kafka thread here, as the halt would have, but only that thread.
    throw fault;
  }

  private static String describe(String kind, int code, String message) {
    return "Kafka requested JVM "
        + kind
        + "("
        + code
        + ")"
        + (message == null ? "" : ": " + message);
  }
}
