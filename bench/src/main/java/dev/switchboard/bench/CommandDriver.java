package dev.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The load side of a benchmark: sends commands to a system's commands topic and times each
 * command's terminal event on its results topic, on the harness's clock. Keeps at most {@code
 * window} commands outstanding (a closed loop, so latency is the system's, not the backlog's) and
 * optionally paces sends to a rate.
 */
final class CommandDriver implements AutoCloseable {
  private final String commandsTopic;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, byte[]> consumer;

  /** The first record-event values seen, kept when asked (W2's raw-producer payloads). */
  private final List<byte[]> captured = new java.util.ArrayList<>();

  private int captureLimit;

  CommandDriver(String bootstrap, String commandsTopic, String resultsTopic) {
    this.commandsTopic = commandsTopic;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts =
        consumer.partitionsFor(resultsTopic).stream()
            .map(i -> new TopicPartition(resultsTopic, i.partition()))
            .toList();
    consumer.assign(parts);
    consumer.seekToEnd(parts);
    parts.forEach(consumer::position); // resolve "end" now, before any command is sent
  }

  record Command(String id, String key, String json) {}

  /** Keeps the values of the next {@code limit} record events, for {@link #captured()}. */
  CommandDriver capture(int limit) {
    captureLimit = limit;
    return this;
  }

  List<byte[]> captured() {
    return captured;
  }

  /**
   * What came back. {@code latenciesNanos[i]} is command i's send-to-terminal time; {@code
   * recordEvents}/{@code recordBytes} count {@code record} events (values only); {@code
   * firstRecordNanos} is when the first one arrived (0 if none), like {@code wallNanos} counted
   * from the start of the run.
   */
  record Outcome(
      long[] latenciesNanos,
      long wallNanos,
      int completed,
      int failed,
      int duplicates,
      long recordEvents,
      long recordBytes,
      long firstRecordNanos,
      Map<String, Integer> failureCodes) {}

  Outcome run(List<Command> commands, int window, double perSecond, Duration timeout) {
    int n = commands.size();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) index.put(commands.get(i).id(), i);
    long[] sentAt = new long[n];
    long[] doneAt = new long[n];
    Map<String, Integer> codes = new TreeMap<>();
    int next = 0, done = 0, completed = 0, failed = 0, dups = 0;
    long records = 0, bytes = 0, firstRecord = 0;
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (done < n) {
      long now = System.nanoTime();
      long allowed = perSecond <= 0 ? n : (long) ((now - start) / 1e9 * perSecond) + 1;
      while (next < n && next - done < window && next < allowed) {
        Command cmd = commands.get(next);
        sentAt[next++] = System.nanoTime();
        producer.send(new ProducerRecord<>(commandsTopic, cmd.key(), cmd.json()));
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(2))) {
        Integer i = r.key() == null ? null : index.get(r.key());
        if (i == null) continue; // an earlier run's event
        String type = header(r, "switchboard_type");
        if ("record".equals(type)) {
          if (records++ == 0) firstRecord = System.nanoTime() - start;
          bytes += r.value().length;
          if (captured.size() < captureLimit) captured.add(r.value());
        } else if (doneAt[i] != 0) {
          dups++;
        } else {
          doneAt[i] = System.nanoTime();
          done++;
          if ("completed".equals(type)) completed++;
          else {
            failed++;
            codes.merge(errorCode(r.value()), 1, Integer::sum);
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after "
                + timeout
                + ": sent "
                + next
                + ", terminal "
                + done
                + " of "
                + n
                + ", failures "
                + codes);
      }
    }
    long[] lat = new long[n];
    for (int i = 0; i < n; i++) lat[i] = doneAt[i] - sentAt[i];
    return new Outcome(
        lat,
        System.nanoTime() - start,
        completed,
        failed,
        dups,
        records,
        bytes,
        firstRecord,
        codes);
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String errorCode(byte[] value) {
    String s = new String(value, StandardCharsets.UTF_8);
    int at = s.indexOf("\"code\":\"");
    return at < 0 ? "?" : s.substring(at + 8, s.indexOf('"', at + 8));
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
