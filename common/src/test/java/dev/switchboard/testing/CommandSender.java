package dev.switchboard.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A caller's producer: commands keyed by connection, acknowledged by the broker one by one. */
public final class CommandSender implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  public CommandSender(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
    this.topic = topic;
  }

  /** Sends and waits for the broker's acknowledgement; returns the command id. */
  public String send(ObjectNode command) {
    sendRaw(
        command.path("connection").asText().getBytes(StandardCharsets.UTF_8), Json.bytes(command));
    return command.path("id").asText();
  }

  /** Any bytes, keyed as given. */
  public void sendRaw(byte[] key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("command not acknowledged by the broker", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
