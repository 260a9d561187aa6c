package dev.switchboard.kafka.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Every reference to Testcontainers lives here, so {@link KafkaTestKit} still loads and works when
 * Testcontainers is not on the class path. Only loaded after KafkaTestKit checked that it is.
 */
final class TestcontainersKafka {
  /** The same Apache Kafka distribution as the embedded broker, as a KRaft single-node image. */
  static final String IMAGE = "apache/kafka:4.1.0";

  private TestcontainersKafka() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static KafkaTestKit.Broker start() {
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    return new KafkaTestKit.Broker() {
      @Override
      public String bootstrapServers() {
        return container.getBootstrapServers();
      }

      @Override
      public void close() {
        container.stop();
      }
    };
  }
}
