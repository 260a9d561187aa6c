package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.message.ContractHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * What a crash-and-replay test needs besides the platform: which partitions an instance owns, the
 * commands topic re-published whole, the ledger read back, and every command's answers with their
 * {@code switchboard_replay} marks, so that a re-emitted outcome can be compared with the first
 * one.
 */
public final class CrashReplay {
  /** Ledger record header (as {@code dev.switchboard.runtime.Ledger} writes it). */
  static final String LEDGER_STATE = "switchboard_ledger_state";

  private CrashReplay() {}

  /**
   * Waits until the group is stable with every partition of {@code topic} assigned and every one of
   * {@code instanceIds} (static identities) owning some; returns who owns what. An instance is
   * ready with its first assignment, which may be empty while a second member joins.
   */
  public static Map<String, Set<Integer>> awaitBalanced(
      String bootstrap,
      String group,
      String topic,
      int partitions,
      Collection<String> instanceIds,
      Duration timeout)
      throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    Map<String, Set<Integer>> owned = Map.of();
    String state = "?";
    try (Admin admin = admin(bootstrap)) {
      while (System.nanoTime() < end) {
        ConsumerGroupDescription g =
            admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
        state = String.valueOf(g.groupState());
        owned = new TreeMap<>();
        for (MemberDescription m : g.members()) {
          Set<Integer> mine = new TreeSet<>();
          m.assignment().topicPartitions().stream()
              .filter(tp -> tp.topic().equals(topic))
              .forEach(tp -> mine.add(tp.partition()));
          owned.put(m.groupInstanceId().orElse(m.consumerId()), mine);
        }
        Map<String, Set<Integer>> seen = owned;
        if (g.groupState() == GroupState.STABLE
            && instanceIds.stream().allMatch(i -> !seen.getOrDefault(i, Set.of()).isEmpty())
            && seen.values().stream().mapToInt(Set::size).sum() == partitions) {
          return owned;
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError(
        "group "
            + group
            + " not balanced over "
            + instanceIds
            + " after "
            + timeout
            + ": "
            + state
            + " "
            + owned);
  }

  /**
   * Re-publishes every record of {@code topic}, up to where each partition ends now, to the
   * partition it came from, with the same key, value and headers (what a caller re-sending its
   * commands, or the replay tool without its provenance header, does). Returns how many.
   */
  public static long republish(String bootstrap, String topic) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> records = readAll(bootstrap, topic);
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        sent.add(
            producer.send(
                new ProducerRecord<>(topic, r.partition(), r.key(), r.value(), r.headers())));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    return records.size();
  }

  /**
   * {@code n} names {@code <base>N} that the default partitioner puts on partitions 0..n-1, one
   * each: commands keyed by these connection names cover every partition.
   */
  public static List<String> onePerPartition(String base, int n) {
    String[] byPartition = new String[n];
    int found = 0;
    for (int i = 1; found < n; i++) {
      String name = base + i;
      int p = Utils.toPositive(Utils.murmur2(name.getBytes(StandardCharsets.UTF_8))) % n;
      if (byPartition[p] == null) {
        byPartition[p] = name;
        found++;
      }
    }
    return List.of(byPartition);
  }

  /** What the ledger holds for one command id: its partition, and when each record was written. */
  public record LedgerTrace(int partition, List<Long> startedAt, List<Long> finishedAt) {
    /** Started at or before {@code at} (epoch ms) and not finished by then: caught mid-call. */
    public boolean inFlightAt(long at) {
      return startedAt.stream().anyMatch(t -> t <= at)
          && finishedAt.stream().noneMatch(t -> t <= at);
    }
  }

  /** The whole ledger topic, by command id (record timestamps are the writer's clock, ms). */
  public static Map<String, LedgerTrace> ledger(String bootstrap, String ledgerTopic)
      throws Exception {
    Map<String, LedgerTrace> out = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(bootstrap, ledgerTopic)) {
      if (r.key() == null) {
        continue;
      }
      String id = new String(r.key(), StandardCharsets.UTF_8);
      LedgerTrace t =
          out.computeIfAbsent(
              id, k -> new LedgerTrace(r.partition(), new ArrayList<>(), new ArrayList<>()));
      ("finished".equals(header(r, LEDGER_STATE)) ? t.finishedAt() : t.startedAt())
          .add(r.timestamp());
    }
    return out;
  }

  /**
   * One terminal event as read: its position in the reader, its record timestamp (the publisher's
   * clock, epoch ms), the replay mark, the event.
   */
  public record Answer(int index, long at, boolean replay, JsonNode event) {
    public String type() {
      return event.path("type").asText();
    }

    public String code() {
      return event.path("error").path("code").asText(null);
    }
  }

  /**
   * The terminal events ({@code completed}, {@code failed}) of every command id in what {@code
   * results} read, in the order read (per id, the order of its results partition).
   */
  public static Map<String, List<Answer>> answers(TopicReader results) throws IOException {
    Map<String, List<Answer>> out = new LinkedHashMap<>();
    List<ConsumerRecord<byte[], byte[]>> all = results.all();
    for (int i = 0; i < all.size(); i++) {
      ConsumerRecord<byte[], byte[]> r = all.get(i);
      String type = header(r, ContractHeaders.EVENT_TYPE);
      if (r.key() == null || !("completed".equals(type) || "failed".equals(type))) {
        continue;
      }
      out.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(
              new Answer(
                  i,
                  r.timestamp(),
                  "true".equals(header(r, ContractHeaders.REPLAY)),
                  Json.parse(r.value())));
    }
    return out;
  }

  /** Whether every id in {@code ids} has a terminal event read at or after {@code from}. */
  public static boolean answeredSince(TopicReader results, Collection<String> ids, int from) {
    List<ConsumerRecord<byte[], byte[]>> all = results.all();
    Set<String> seen = new java.util.HashSet<>();
    for (int i = from; i < all.size(); i++) {
      ConsumerRecord<byte[], byte[]> r = all.get(i);
      String type = header(r, ContractHeaders.EVENT_TYPE);
      if (r.key() != null && ("completed".equals(type) || "failed".equals(type))) {
        seen.add(new String(r.key(), StandardCharsets.UTF_8));
      }
    }
    return seen.containsAll(ids);
  }

  /**
   * Prints a {@code FAULT-SUITE scenario=<scenario> k=v …} line and appends it to {@code
   * target/fault-suite.txt} of the module under test.
   */
  public static String report(String scenario, Object... fields) throws IOException {
    StringBuilder line = new StringBuilder("FAULT-SUITE scenario=").append(scenario);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      line.append(' ').append(fields[i]).append('=').append(fields[i + 1]);
    }
    System.out.println(line);
    Path out = Path.of("target", "fault-suite.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return line.toString();
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(topic + " not read to its end " + ends + " within 60 s");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() < ends.get(new TopicPartition(topic, r.partition()))) {
            out.add(r);
          }
        }
      }
    }
    return out;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }
}
