package dev.switchboard.kafka.embedded;

import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main class of a child-JVM broker: what {@code kafka.Kafka server.properties} does, plus an
 * exit code that tells the parent a listener port was taken.
 *
 * <p>{@code kafka.Kafka} exits with 1 on every startup failure (a controller that cannot bind even
 * halts before its exception is seen); the parent could only guess a bind failure from the log
 * text. Here the startup exception's causes are inspected in the JVM that has it, and a {@link
 * java.net.BindException} inside exits with {@value #EXIT_BIND_FAILED}.
 */
final class KafkaChildMain {
  /** Exit code of a child whose broker could not bind a port (EADDRINUSE on Linux). */
  static final int EXIT_BIND_FAILED = 98;

  private static final Logger LOG = LoggerFactory.getLogger(KafkaChildMain.class);

  private KafkaChildMain() {}

  /** {@code args[0]}: the server.properties file. */
  public static void main(String[] args) throws Exception {
    Properties props = Utils.loadProps(args[0]);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    // SIGTERM (the parent's graceful stop) runs the hooks: a controlled shutdown, as with
    // kafka.Kafka.
    Exit.addShutdownHook(
        "kafka-shutdown-hook",
        () -> {
          try {
            server.shutdown();
          } catch (Throwable t) {
            LOG.error("Kafka shutdown failed; halting", t);
            Exit.halt(1);
          }
        });
    // A controller that cannot bind its port asks for a halt before it throws: on this thread,
    // while
    // starting, the request returns so the exception (and its BindException) reaches the catch
    // below.
    // Everywhere else exit and halt do what Kafka means, as under kafka.Kafka.
    Exit.setExitProcedure(
        (code, message) -> {
          if (!KafkaExitGuard.deferredOnStartupThread("exit", code, message)) {
            System.exit(code);
          }
        });
    Exit.setHaltProcedure(
        (code, message) -> {
          if (!KafkaExitGuard.deferredOnStartupThread("halt", code, message)) {
            Runtime.getRuntime().halt(code);
          }
        });
    try {
      KafkaExitGuard.runStartup(server::startup);
    } catch (Throwable t) {
      boolean bind = KafkaPorts.isBindFailure(t);
      LOG.error(
          "Exiting Kafka due to fatal exception during startup{}",
          bind ? " (a port is in use)" : "",
          t);
      Exit.exit(bind ? EXIT_BIND_FAILED : 1);
    }
    server.awaitShutdown();
    Exit.exit(0);
  }
}
