package dev.switchboard.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The Kafka options every client command shares, and the client settings they make. */
final class KafkaOptions {
  static final String BOOTSTRAP_ENV = "SWITCHBOARD_KAFKA_BOOTSTRAP";
  private static final int PROBE_MS = 5000;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:" + BOOTSTRAP_ENV + ":-127.0.0.1:9092}",
      description =
          "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; the default is "
              + BOOTSTRAP_ENV
              + " when set)")
  String bootstrap;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description =
          "Java properties file of Kafka client settings (security.protocol, sasl.*, ssl.*) for "
              + "every client this command creates, as in Kafka's own tools; bootstrap.servers "
              + "there is ignored, --bootstrap wins (default: none)")
  Path commandConfig;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = "switchboard",
      description = "topic prefix, as in <prefix>.<provider>.commands (default: ${DEFAULT-VALUE})")
  String topicPrefix;

  private Properties loaded;

  /** The settings every client starts from: the --command-config file, then --bootstrap. */
  Properties clientProperties() {
    if (loaded == null) {
      loaded = new Properties();
      if (commandConfig != null) {
        try (InputStream in = Files.newInputStream(commandConfig)) {
          loaded.load(in); // as Kafka's tools read it (ISO-8859-1, \\u escapes)
        } catch (NoSuchFileException e) {
          throw CliException.usage(
              "cannot read --command-config " + commandConfig + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
          throw CliException.usage(
              "cannot read --command-config " + commandConfig + ": " + e.getMessage());
        }
      }
      loaded.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    }
    Properties copy = new Properties();
    copy.putAll(loaded);
    return copy;
  }

  /**
   * Fails within a few seconds, with one line naming the address, when no broker answers there:
   * otherwise the clients would retry silently until the command's timeout.
   */
  void requireBroker() {
    quietKafkaLogs();
    Properties p = clientProperties();
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "switchboard-cli-probe");
    Admin admin;
    try {
      admin = Admin.create(p);
    } catch (KafkaException e) {
      // Kafka wraps the reason: "Failed to create new KafkaAdminClient" says nothing.
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof ConfigException
          && !String.valueOf(cause.getMessage()).contains("resolvable")) {
        throw CliException.usage("invalid Kafka client setting: " + cause.getMessage());
      }
      throw unreachable(cause.getMessage());
    }
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_MS))
          .nodes()
          .get(PROBE_MS + 2000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unreachable(
          e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
              ? "no broker answered within " + PROBE_MS / 1000 + " s"
              : e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw unreachable("no broker answered within " + PROBE_MS / 1000 + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted");
    } finally {
      admin.close(java.time.Duration.ofSeconds(1));
    }
  }

  private CliException unreachable(String why) {
    return CliException.unavailable(
        "cannot connect to Kafka at "
            + bootstrap
            + ": "
            + why
            + " (set --bootstrap or "
            + BOOTSTRAP_ENV
            + ")");
  }

  /**
   * A CLI user waiting for an answer does not want the clients' reconnect warnings on stderr; the
   * errors that matter reach them through {@link CliErrors}. Only CLI client commands call this:
   * {@code run} keeps the WARN level of logback.xml for operators.
   */
  static void quietKafkaLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      ctx.getLogger("org.apache.kafka").setLevel(Level.ERROR);
    }
  }
}
