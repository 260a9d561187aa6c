package dev.switchboard.kafka.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Source selection, without starting a broker. */
class KafkaTestKitTest {
  @Test
  void worksWithoutTestcontainersOnTheClassPath() throws Exception {
    assumeTrue(
        System.getenv(KafkaTestKit.EXTERNAL_BOOTSTRAP) == null, "external broker configured");
    // This module's test class path minus Testcontainers, as a module that did not opt in sees it.
    URL[] urls =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("testcontainers"))
            .map(entry -> toUrl(Path.of(entry)))
            .toArray(URL[]::new);
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThat(loader.getResource("org/testcontainers/DockerClientFactory.class")).isNull();
      Class<?> kit = Class.forName(KafkaTestKit.class.getName(), true, loader);
      Method source = kit.getDeclaredMethod("source");
      source.setAccessible(true);
      assertThat(source.invoke(null)).isEqualTo("embedded");
    }
  }

  @Test
  void externalBrokerWinsWhenConfigured() {
    String before = System.getProperty(KafkaTestKit.EXTERNAL_BOOTSTRAP);
    System.setProperty(KafkaTestKit.EXTERNAL_BOOTSTRAP, " kafka.example:9092 ");
    try {
      assertThat(KafkaTestKit.source()).isEqualTo("external");
      assertThat(KafkaTestKit.bootstrapServers()).isEqualTo("kafka.example:9092");
    } finally {
      if (before == null) {
        System.clearProperty(KafkaTestKit.EXTERNAL_BOOTSTRAP);
      } else {
        System.setProperty(KafkaTestKit.EXTERNAL_BOOTSTRAP, before);
      }
    }
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }

  /**
   * A Docker engine that runs but cannot pull the image (this machine: no registry) must not fail a
   * test: the container's start failure falls back to the embedded broker.
   */
  @Test
  void aContainerThatCannotStartFallsBackToTheEmbeddedBroker() {
    KafkaTestKit.Broker embedded =
        new KafkaTestKit.Broker() {
          @Override
          public String bootstrapServers() {
            return "embedded:1";
          }

          @Override
          public void close() {}
        };
    KafkaTestKit.Broker chosen =
        KafkaTestKit.preferring(
            () -> {
              throw new IllegalStateException("Could not pull image: registry unreachable");
            },
            () -> embedded,
            java.time.Duration.ofSeconds(30));
    assertThat(chosen.bootstrapServers()).isEqualTo("embedded:1");
  }

  /** A start that hangs (a pull retried for minutes) is given up after the patience. */
  @Test
  void aContainerStartThatHangsIsGivenUpForTheEmbeddedBroker() {
    KafkaTestKit.Broker embedded =
        new KafkaTestKit.Broker() {
          @Override
          public String bootstrapServers() {
            return "embedded:2";
          }

          @Override
          public void close() {}
        };
    KafkaTestKit.Broker chosen =
        KafkaTestKit.preferring(
            () -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new IllegalStateException("never started");
            },
            () -> embedded,
            java.time.Duration.ofMillis(300));
    assertThat(chosen.bootstrapServers()).isEqualTo("embedded:2");
  }
}
