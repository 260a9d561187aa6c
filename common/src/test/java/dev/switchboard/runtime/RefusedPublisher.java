package dev.switchboard.runtime;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A {@link ResultPublisher} that Kafka refuses everything for good: it is closed, so every send
 * fails at once, not retriably. Every route of a command must still end (answered or given up), so
 * a unit test sees its commands finish without a broker.
 */
final class RefusedPublisher {
  private RefusedPublisher() {}

  static ResultPublisher create() {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"); // never contacted
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "refused-publisher");
    ResultPublisher publisher = new ResultPublisher(p);
    publisher.close();
    return publisher;
  }
}
