package dev.switchboard.bench.camel;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The peer.properties file of bench/PEERS.md: the broker, the consumer count and one section per
 * provider. A provider whose {@code <id>.commands} key is missing is not consumed.
 */
record PeerSettings(String bootstrap, int consumers, Provider iqreseller, Provider accountsiq,
    Provider accengage) {

  /** One provider's topics, group, connections and the remaining keys of its section. */
  record Provider(String id, String commands, String results, String group, List<String> connections,
      Properties props) {

    String get(String key) {
      String v = props.getProperty(id + "." + key);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("peer.properties: " + id + "." + key + " is missing");
      }
      return v.trim();
    }

    long getLong(String key, long fallback) {
      String v = props.getProperty(id + "." + key);
      return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
    }

    /** A connection's setting, e.g. {@code iqreseller.connection.t1.apiKey}; null if absent. */
    String connection(String connection, String key) {
      return props.getProperty(id + ".connection." + connection + "." + key);
    }
  }

  static PeerSettings load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    String bootstrap = p.getProperty("bootstrap.servers");
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("peer.properties: bootstrap.servers is missing");
    }
    int consumers = Integer.parseInt(p.getProperty("consumers", "6").trim());
    return new PeerSettings(bootstrap.trim(), consumers, provider(p, "iqreseller"), provider(p, "accountsiq"),
        provider(p, "accengage"));
  }

  private static Provider provider(Properties p, String id) {
    String commands = p.getProperty(id + ".commands");
    if (commands == null || commands.isBlank()) {
      return null;
    }
    List<String> connections = Arrays.stream(p.getProperty(id + ".connections", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new Provider(id, commands.trim(), required(p, id + ".results"), required(p, id + ".group"),
        connections, p);
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("peer.properties: " + key + " is missing");
    }
    return v.trim();
  }
}
