package dev.switchboard.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Switchboard as users run it: {@code java -jar launcher/target/switchboard.jar run --config
 * f.yaml}.
 */
final class SwitchboardProcess {
  private SwitchboardProcess() {}

  static ChildJvm start(BenchEnv env, String heap, Path dir, Sut sut) throws Exception {
    return start(env, heap, dir, sut.prefix, runtime());
  }

  /**
   * Switchboard on the topics (and consumer groups) {@code <prefix>.*}, with {@code runtime} (YAML
   * flow-mapping entries, may be blank) as its runtime settings.
   */
  static ChildJvm start(BenchEnv env, String heap, Path dir, String prefix, String runtime)
      throws Exception {
    Files.createDirectories(dir);
    int httpPort = freePort();
    Path yaml = dir.resolve("switchboard.yaml");
    Files.writeString(yaml, yaml(env, prefix, runtime, httpPort));
    String jar = env.projectDir().resolve("launcher/target/switchboard.jar").toString();
    // RunCommand prints this once the platform started (consumers subscribed, ops endpoints up).
    ChildJvm jvm =
        ChildJvm.start(
            "switchboard",
            heap,
            dir,
            "Switchboard is running.",
            List.of("-jar", jar, "run", "--config", yaml.toString()));
    jvm.awaitReady(Duration.ofSeconds(60));
    return jvm;
  }

  /** -Dbench.switchboard.runtime="resultWindowBytes: 4194304, maxInFlight: 512": tuning runs. */
  static String runtime() {
    return System.getProperty("bench.switchboard.runtime", "");
  }

  static String yaml(BenchEnv env, String prefix, String runtime, int httpPort) {
    BenchSandbox sb = env.sandbox();
    StringBuilder y =
        new StringBuilder()
            .append("kafka:\n  bootstrap: ")
            .append(env.broker().bootstrap())
            .append("\n  topicPrefix: ")
            .append(prefix)
            .append("\n  partitions: ")
            .append(BenchBroker.PARTITIONS)
            .append(
                System.getProperty("bench.switchboard.kafka", "").isBlank()
                    ? ""
                    : "\n  properties: {" + System.getProperty("bench.switchboard.kafka") + "}")
            .append("\nhttp:\n  port: ")
            .append(httpPort)
            .append(runtime.isBlank() ? "" : "\nruntime: {" + runtime + "}")
            .append("\nconnectors:\n  iqreseller:\n    connections:\n");
    List<String> iqr = new java.util.ArrayList<>(BenchSandbox.iqrTenants());
    iqr.addAll(BenchSandbox.curveTenants()); // idle unless a cost curve runs: sessions are lazy
    for (String t : iqr) {
      y.append("      ")
          .append(t)
          .append(": {apiKey: ")
          .append(BenchSandbox.iqrApiKey(t))
          .append(", sessionUrl: '")
          .append(sb.iqrSessionUrl())
          .append("', baseUrl: '")
          .append(sb.iqrBaseUrl())
          .append("'}\n");
    }
    y.append("  accountsiq:\n    connections:\n");
    for (int i = 1; i <= env.aiqCompanies(); i++) {
      y.append("      c")
          .append(i)
          .append(": {endpoint: '")
          .append(sb.aiqEndpoint())
          .append("', tokenLifetime: ")
          .append(env.tokenLifetime().toMillis())
          .append("ms")
          .append(", auth: {kind: login, companyId: ")
          .append(BenchSandbox.aiqCompany(i))
          .append(", partnerKey: ")
          .append(BenchSandbox.AIQ_PARTNER_KEY)
          .append(", userKey: ")
          .append(BenchSandbox.aiqUserKey(i))
          .append("}}\n");
    }
    for (String c : BenchSandbox.W5_CONNECTIONS) {
      y.append("      ")
          .append(c)
          .append(": {endpoint: '")
          .append(sb.aiqEndpoint())
          .append("', tokenLifetime: ")
          .append(env.tokenLifetime().toMillis())
          .append("ms, auth: {kind: login, companyId: ")
          .append(BenchSandbox.aiqCompany(c))
          .append(", partnerKey: ")
          .append(BenchSandbox.AIQ_PARTNER_KEY)
          .append(", userKey: ")
          .append(BenchSandbox.aiqUserKey(c))
          .append("}}\n");
    }
    y.append("  accengage:\n    connections:\n");
    for (String c : BenchSandbox.W6_CONNECTIONS) {
      y.append("      ")
          .append(c)
          .append(": {baseUrl: '")
          .append(sb.acgBaseUrl())
          .append("', email: '")
          .append(BenchSandbox.acgEmail(c))
          .append("', apiKey: ")
          .append(BenchSandbox.acgApiKey(c))
          .append(", partnerId: '")
          .append(BenchSandbox.acgPartnerId(c))
          .append("'}\n");
    }
    return y.toString();
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
