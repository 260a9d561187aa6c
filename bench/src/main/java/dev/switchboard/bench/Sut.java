package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The systems under test. Each runs in its own JVM with the same heap, consumes its own {@code
 * <prefix>.<provider>.commands} topics and writes its own results topics.
 */
enum Sut {
  SWITCHBOARD("Switchboard", "bench-sb"),
  CAMEL("Camel 4.18", "bench-camel"),
  HANDWRITTEN("hand-written", "bench-hand");

  final String label;
  final String prefix;

  Sut(String label, String prefix) {
    this.label = label;
    this.prefix = prefix;
  }

  String commandsTopic(String provider) {
    return prefix + "." + provider + ".commands";
  }

  String resultsTopic(String provider) {
    return prefix + "." + provider + ".results";
  }

  /** Starts the system in a new JVM and returns once it consumes. */
  ChildJvm start(BenchEnv env, String heap, String runName) throws Exception {
    env.broker().createTopics(prefix);
    Path dir = env.workDir().resolve(runName);
    return switch (this) {
      case SWITCHBOARD -> SwitchboardProcess.start(env, heap, dir, this);
      case CAMEL ->
          peer(
              env,
              heap,
              dir,
              "bench-camel/target/switchboard-bench-camel.jar",
              "bench-camel/target/lib/*",
              "dev.switchboard.bench.camel.CamelPeerMain");
      case HANDWRITTEN ->
          peer(
              env,
              heap,
              dir,
              "bench/target/switchboard-bench.jar",
              "bench/target/lib/*",
              "dev.switchboard.bench.baseline.BaselineMain");
    };
  }

  private ChildJvm peer(BenchEnv env, String heap, Path dir, String jar, String lib, String main)
      throws Exception {
    Files.createDirectories(dir);
    Path props = dir.resolve("peer.properties");
    try (var out = Files.newBufferedWriter(props)) {
      peerProperties(env).store(out, "benchmark peer " + label);
    }
    String cp = env.projectDir().resolve(jar) + ":" + env.projectDir().resolve(lib);
    ChildJvm jvm =
        ChildJvm.start(
            name().toLowerCase(),
            heap,
            dir,
            "PEER READY",
            List.of("-cp", cp, main, props.toString()));
    jvm.awaitReady(java.time.Duration.ofSeconds(60));
    return jvm;
  }

  /** The peers' configuration, as bench/PEERS.md defines it. */
  Properties peerProperties(BenchEnv env) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", env.broker().bootstrap());
    p.setProperty("consumers", String.valueOf(BenchBroker.PARTITIONS));
    for (String provider : List.of("iqreseller", "accountsiq", "accengage")) {
      p.setProperty(provider + ".commands", commandsTopic(provider));
      p.setProperty(provider + ".results", resultsTopic(provider));
      p.setProperty(provider + ".group", prefix + "." + provider);
    }
    BenchSandbox sb = env.sandbox();
    p.setProperty("iqreseller.sessionUrl", sb.iqrSessionUrl());
    p.setProperty("iqreseller.baseUrl", sb.iqrBaseUrl());
    p.setProperty("iqreseller.connections", String.join(",", BenchSandbox.iqrTenants()));
    for (String t : BenchSandbox.iqrTenants()) {
      p.setProperty("iqreseller.connection." + t + ".apiKey", BenchSandbox.iqrApiKey(t));
    }
    p.setProperty("accountsiq.endpoint", sb.aiqEndpoint());
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= env.aiqCompanies(); i++) {
      String c = "c" + i;
      names.add(c);
      p.setProperty("accountsiq.connection." + c + ".companyId", BenchSandbox.aiqCompany(i));
      p.setProperty("accountsiq.connection." + c + ".partnerKey", BenchSandbox.AIQ_PARTNER_KEY);
      p.setProperty("accountsiq.connection." + c + ".userKey", BenchSandbox.aiqUserKey(i));
    }
    for (String c : BenchSandbox.W5_CONNECTIONS) {
      names.add(c);
      p.setProperty("accountsiq.connection." + c + ".companyId", BenchSandbox.aiqCompany(c));
      p.setProperty("accountsiq.connection." + c + ".partnerKey", BenchSandbox.AIQ_PARTNER_KEY);
      p.setProperty("accountsiq.connection." + c + ".userKey", BenchSandbox.aiqUserKey(c));
    }
    p.setProperty("accountsiq.connections", String.join(",", names));
    p.setProperty("accengage.baseUrl", sb.acgBaseUrl());
    p.setProperty("accengage.connections", String.join(",", BenchSandbox.W6_CONNECTIONS));
    for (String c : BenchSandbox.W6_CONNECTIONS) {
      p.setProperty("accengage.connection." + c + ".email", BenchSandbox.acgEmail(c));
      p.setProperty("accengage.connection." + c + ".apiKey", BenchSandbox.acgApiKey(c));
      p.setProperty("accengage.connection." + c + ".partnerId", BenchSandbox.acgPartnerId(c));
    }
    p.setProperty("accountsiq.tokenLifetimeMs", String.valueOf(env.tokenLifetime().toMillis()));
    return p;
  }

  static void requireBuilt(Path projectDir) throws IOException {
    for (String jar :
        List.of(
            "launcher/target/switchboard.jar",
            "bench/target/switchboard-bench.jar",
            "bench-camel/target/switchboard-bench-camel.jar")) {
      if (!Files.exists(projectDir.resolve(jar))) {
        throw new IOException(
            jar
                + " is missing: build with `mvn -q -Pbench -DskipTests install` first (bench/run does)");
      }
    }
  }
}
