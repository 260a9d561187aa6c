package dev.switchboard.launcher;

import dev.switchboard.json.Json;
import dev.switchboard.message.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tail",
    description = "Print the result events (or dead letters) of a provider as they arrive.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:--max-messages records printed",
      "64:usage error: bad option, unknown provider",
      "69:no Kafka broker at --bootstrap, or the provider's topic is missing"
    })
final class TailCommand implements Callable<Integer> {
  /** Output formats: {@code text} is key TAB value (TAB headers, for --dlq). */
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Parameters(index = "0", paramLabel = "PROVIDER", description = "provider id, e.g. iqreseller")
  String provider;

  @Option(
      names = "--from-beginning",
      description = "start at the oldest record, not at the end (default: ${DEFAULT-VALUE})")
  boolean fromBeginning;

  @Option(
      names = "--dlq",
      description = "tail the dead-letter topic instead (default: ${DEFAULT-VALUE})")
  boolean dlq;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "${COMPLETION-CANDIDATES}: text is key<TAB>value (<TAB>header=value for --dlq); json is "
              + "one object a line with partition, offset, timestamp, key, headers, value "
              + "(default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--max-messages",
      paramLabel = "N",
      description = "exit after N records (default: none, until interrupted)")
  Long maxMessages;

  @Option(
      names = "--no-check",
      description = "tail even if this CLI does not know the provider (default: ${DEFAULT-VALUE})")
  boolean noCheck;

  @Override
  public Integer call() {
    if (!noCheck) {
      ProviderCatalog.discover().provider(provider);
    }
    if (maxMessages != null && maxMessages < 1) {
      throw CliException.usage("--max-messages must be at least 1");
    }
    kafka.requireBroker();
    Topics t = new Topics(kafka.topicPrefix, provider);
    String topic = dlq ? t.dlq() : t.results();
    PrintWriter out = spec.commandLine().getOut();
    long printed = 0;
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProperties())) {
      var parts =
          c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      if (parts.isEmpty()) {
        throw CliException.unavailable(
            "topic " + topic + " not found: is the platform running with this topic prefix?");
      }
      c.assign(parts);
      if (fromBeginning) {
        c.seekToBeginning(parts);
      } else {
        c.seekToEnd(parts);
      }
      while (!Thread.currentThread().isInterrupted()) {
        for (var rec : c.poll(Duration.ofMillis(500))) {
          out.println(format == Format.json ? Json.text(RecordJson.of(rec)) : text(rec));
          if (maxMessages != null && ++printed >= maxMessages) {
            out.flush();
            return ExitCodes.OK;
          }
        }
        out.flush();
      }
    }
    return ExitCodes.OK;
  }

  private String text(ConsumerRecord<byte[], byte[]> rec) {
    StringBuilder line =
        new StringBuilder(rec.key() == null ? "-" : utf8(rec.key()))
            .append('\t')
            .append(utf8(rec.value()));
    if (dlq) {
      rec.headers()
          .forEach(h -> line.append('\t').append(h.key()).append('=').append(utf8(h.value())));
    }
    return line.toString();
  }

  private Properties consumerProperties() {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // Asking for a missing topic must not create it (a typo would leave a topic behind).
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    return p;
  }

  private static String utf8(byte[] b) {
    return b == null ? "null" : new String(b, StandardCharsets.UTF_8);
  }
}
