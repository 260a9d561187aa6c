package dev.switchboard.bench.baseline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The peer.properties file (bench/PEERS.md): the broker, and per provider its topics, its consumer
 * group and its connections. A provider whose section is absent is not consumed.
 */
final class PeerSettings {
  /** One provider's Kafka side: where commands come from, where results go, the group. */
  record ProviderTopics(String provider, String commands, String results, String group) {}

  private final Properties props;

  private PeerSettings(Properties props) {
    this.props = props;
  }

  static PeerSettings load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return new PeerSettings(p);
  }

  String bootstrapServers() {
    return required("bootstrap.servers");
  }

  int consumersPerProvider() {
    return Integer.parseInt(props.getProperty("consumers", "6").trim());
  }

  /** True if the file has a section for this provider (its commands topic is named). */
  boolean has(String provider) {
    return props.getProperty(provider + ".commands") != null;
  }

  ProviderTopics topics(String provider) {
    return new ProviderTopics(
        provider,
        required(provider + ".commands"),
        required(provider + ".results"),
        required(provider + ".group"));
  }

  /**
   * The connections of a provider: {@code <provider>.connections=a,b} and, for each, every {@code
   * <provider>.connection.<id>.<key>} as a key → value map.
   */
  Map<String, Map<String, String>> connections(String provider) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String id : list(provider + ".connections")) {
      String prefix = provider + ".connection." + id + ".";
      Map<String, String> values = new LinkedHashMap<>();
      for (String name : props.stringPropertyNames()) {
        if (name.startsWith(prefix)) {
          values.put(name.substring(prefix.length()), props.getProperty(name).trim());
        }
      }
      out.put(id, values);
    }
    return out;
  }

  String required(String key) {
    String v = props.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("peer.properties: " + key + " is missing");
    }
    return v.trim();
  }

  String optional(String key, String fallback) {
    String v = props.getProperty(key);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private List<String> list(String key) {
    List<String> out = new ArrayList<>();
    for (String s : optional(key, "").split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
