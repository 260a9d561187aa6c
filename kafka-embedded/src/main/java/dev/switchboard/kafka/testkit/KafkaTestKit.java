package dev.switchboard.kafka.testkit;

import dev.switchboard.kafka.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one place tests get a real Kafka broker from.
 *
 * <p>Where the broker comes from, in order:
 *
 * <ol>
 *   <li>{@value #EXTERNAL_BOOTSTRAP} (system property or environment variable) set: that external
 *       broker, for {@link #bootstrapServers()} only;
 *   <li>Testcontainers on the class path and a Docker engine reachable: a Kafka container;
 *   <li>otherwise an {@link EmbeddedKafkaBroker} in this JVM, in a temporary directory.
 * </ol>
 *
 * Testcontainers is an optional dependency of this module: add {@code testcontainers-kafka} to a
 * module's test dependencies to opt in. Nothing here touches its classes unless it is present.
 */
public final class KafkaTestKit {
  /**
   * Name of the system property and environment variable that point tests at an external broker.
   */
  public static final String EXTERNAL_BOOTSTRAP = "SWITCHBOARD_TEST_BOOTSTRAP";

  private static Broker shared;
  private static Boolean dockerUsable;

  private KafkaTestKit() {}

  /** A broker owned by one test; {@link #close()} stops it and deletes its data. */
  public interface Broker extends AutoCloseable {
    /** {@code host:port} for {@code bootstrap.servers}. */
    String bootstrapServers();

    @Override
    void close();
  }

  /**
   * The broker shared by every test in this JVM, started on first use and stopped by a JVM shutdown
   * hook. Tests sharing it should use their own topic and group names.
   */
  public static synchronized String bootstrapServers() {
    String external = external();
    if (external != null) {
      return external;
    }
    if (shared == null) {
      Broker broker = newBroker();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(broker::close, "switchboard-kafka-testkit-stop"));
      shared = broker;
    }
    return shared.bootstrapServers();
  }

  /**
   * A new broker for a test that needs one of its own (to stop it, or to start from empty). Never
   * the external broker: that one cannot be stopped or emptied by a test.
   */
  public static Broker newBroker() {
    if (!useTestcontainers()) {
      return embedded();
    }
    return preferring(TestcontainersKafka::start, KafkaTestKit::embedded, CONTAINER_START);
  }

  /** Longer than a container start from a cached image; a pull that takes longer is given up. */
  private static final Duration CONTAINER_START = Duration.ofSeconds(90);

  /** Testcontainers' Docker probe starts its reaper container, which is pulled when missing. */
  private static final Duration DOCKER_PROBE = Duration.ofSeconds(30);

  /**
   * {@code preferred}, or {@code fallback} when it fails or does not start within {@code patience}:
   * a Docker engine that runs but cannot pull the image (no registry, as here) retries its pull for
   * minutes, and must neither fail nor hold up a test. Testcontainers is then not tried again in
   * this JVM.
   */
  static synchronized Broker preferring(
      Supplier<Broker> preferred, Supplier<Broker> fallback, Duration patience) {
    Optional<Broker> started = within("a Kafka container", preferred, patience);
    if (started.isEmpty()) {
      dockerUsable = false;
    }
    return started.orElseGet(fallback);
  }

  /**
   * {@code work}'s result, or empty (saying why on stderr) when it fails or takes longer than
   * {@code patience}; work given up goes on in a daemon thread.
   */
  static <T> Optional<T> within(String what, Supplier<T> work, Duration patience) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            "switchboard-kafka-testkit-docker");
    t.setDaemon(true);
    t.start();
    try {
      return Optional.ofNullable(result.get(patience.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      Throwable why = e instanceof ExecutionException ? e.getCause() : e;
      System.err.println(
          "KafkaTestKit: no "
              + what
              + " ("
              + why.getClass().getSimpleName()
              + (why.getMessage() == null ? "" : ": " + why.getMessage())
              + "); using the embedded broker");
      return Optional.empty();
    }
  }

  /** Which source {@link #bootstrapServers()} uses: "external", "testcontainers" or "embedded". */
  static String source() {
    return external() != null ? "external" : useTestcontainers() ? "testcontainers" : "embedded";
  }

  private static String external() {
    String value = System.getProperty(EXTERNAL_BOOTSTRAP, System.getenv(EXTERNAL_BOOTSTRAP));
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static synchronized boolean useTestcontainers() {
    if (dockerUsable == null) {
      // Check for the class first: TestcontainersKafka links against Testcontainers and must not
      // be loaded when it is absent. The Docker probe is slow, so it runs once per JVM.
      dockerUsable =
          isPresent("org.testcontainers.DockerClientFactory")
              && within("Docker engine", TestcontainersKafka::dockerAvailable, DOCKER_PROBE)
                  .orElse(false);
    }
    return dockerUsable;
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, KafkaTestKit.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Broker embedded() {
    Path dir;
    try {
      dir = Files.createTempDirectory("switchboard-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
    return new Broker() {
      @Override
      public String bootstrapServers() {
        return broker.bootstrapServers();
      }

      @Override
      public void close() {
        broker.close();
        deleteRecursively(dir);
      }
    };
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temp dir is harmless; a failed cleanup must not fail the test.
    }
  }
}
