package dev.switchboard.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.kafka.testkit.KafkaTestKit;
import dev.switchboard.message.Topics;
import dev.switchboard.metrics.Metrics;
import dev.switchboard.runtime.RuntimeSettings;
import dev.switchboard.runtime.Switchboard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real platform instance for integration tests: the shared real broker from {@link KafkaTestKit},
 * a topic prefix of its own (tests do not see each other's records), one provider's connections,
 * and a plain producer to send commands the way a caller would.
 */
public final class RuntimeHarness implements AutoCloseable {
  private final Vertx vertx;
  private final Switchboard switchboard;
  private final RuntimeSettings settings;
  private final Topics topics;
  private final KafkaProducer<byte[], byte[]> producer;

  private RuntimeHarness(
      Vertx vertx, Switchboard switchboard, RuntimeSettings settings, Topics topics) {
    this.vertx = vertx;
    this.switchboard = switchboard;
    this.settings = settings;
    this.topics = topics;
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
  }

  /** A fresh settings object on the shared broker with a unique topic prefix. */
  public static RuntimeSettings freshSettings() {
    return RuntimeSettings.defaults(KafkaTestKit.bootstrapServers())
        .withTopicPrefix("t" + UUID.randomUUID().toString().substring(0, 8))
        .withPartitions(3);
  }

  public static RuntimeHarness start(
      String provider, Map<String, ObjectNode> connections, UnaryOperator<RuntimeSettings> tweak)
      throws Exception {
    return start(tweak.apply(freshSettings()), provider, connections);
  }

  /**
   * Starts an instance with exactly these settings (two instances with one settings object form one
   * group).
   */
  public static RuntimeHarness start(
      RuntimeSettings settings, String provider, Map<String, ObjectNode> connections)
      throws Exception {
    return start(settings, provider, connections, Clock.systemUTC());
  }

  /**
   * The same with the instance's clock given (token lifetimes, deadlines), e.g. a {@link
   * MutableClock}.
   */
  public static RuntimeHarness start(
      RuntimeSettings settings, String provider, Map<String, ObjectNode> connections, Clock clock)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    Switchboard sb =
        await(
            Switchboard.start(
                vertx, settings, Map.of(provider, connections), clock, new Metrics()));
    return new RuntimeHarness(vertx, sb, settings, new Topics(settings.topicPrefix(), provider));
  }

  public Topics topics() {
    return topics;
  }

  public RuntimeSettings settings() {
    return settings;
  }

  public Switchboard switchboard() {
    return switchboard;
  }

  public Metrics metrics() {
    return switchboard.metrics();
  }

  /** A command JSON with a fresh id. */
  public static ObjectNode command(String operation, String connection, ObjectNode params) {
    ObjectNode c =
        Json.object()
            .put("id", UUID.randomUUID().toString())
            .put("operation", operation)
            .put("connection", connection);
    c.set("params", params == null ? Json.object() : params);
    return c;
  }

  /** Publishes a command, keyed by its connection as callers are advised to. */
  public String send(ObjectNode command) throws Exception {
    sendRaw(
        command.path("connection").asText().getBytes(StandardCharsets.UTF_8),
        Json.bytes(command),
        List.of());
    return command.path("id").asText();
  }

  /** Publishes any bytes to the commands topic (for bad-input tests). */
  public void sendRaw(byte[] key, byte[] value, List<Header> headers) throws Exception {
    producer
        .send(new ProducerRecord<>(topics.commands(), null, key, value, headers))
        .get(30, TimeUnit.SECONDS);
  }

  /** A reader of the results topic from its beginning. */
  public TopicReader results() {
    return new TopicReader(settings.bootstrap(), topics.results());
  }

  /** A reader of any topic, from its beginning. */
  public static TopicReader reader(String bootstrap, String topic) {
    return new TopicReader(bootstrap, topic);
  }

  public TopicReader dlq() {
    return new TopicReader(settings.bootstrap(), topics.dlq());
  }

  /** Graceful stop of the platform instance (drain, commit, provider logout). */
  public void stop() throws Exception {
    await(switchboard.stop());
  }

  @Override
  public void close() throws Exception {
    producer.close();
    try {
      stop();
    } finally {
      await(vertx.close());
    }
  }

  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
