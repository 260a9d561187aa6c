package dev.switchboard.launcher;

import dev.switchboard.message.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tail", description = "Print the result events of a provider as they arrive.")
final class TailCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "provider id")
  String provider;

  @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092")
  String bootstrap;

  @Option(names = "--topic-prefix", defaultValue = "switchboard")
  String topicPrefix;

  @Option(names = "--from-beginning")
  boolean fromBeginning;

  @Option(names = "--dlq", description = "tail the dead-letter topic instead")
  boolean dlq;

  @Override
  public Integer call() {
    Topics t = new Topics(topicPrefix, provider);
    String topic = dlq ? t.dlq() : t.results();
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      var parts =
          c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      c.assign(parts);
      if (fromBeginning) {
        c.seekToBeginning(parts);
      } else {
        c.seekToEnd(parts);
      }
      while (!Thread.currentThread().isInterrupted()) {
        for (var rec : c.poll(Duration.ofMillis(500))) {
          StringBuilder line =
              new StringBuilder(rec.key() == null ? "-" : rec.key())
                  .append('\t')
                  .append(rec.value());
          if (dlq) {
            rec.headers()
                .forEach(
                    h ->
                        line.append('\t')
                            .append(h.key())
                            .append('=')
                            .append(new String(h.value(), StandardCharsets.UTF_8)));
          }
          System.out.println(line);
        }
      }
    }
    return 0;
  }
}
