package dev.switchboard.launcher;

import dev.switchboard.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    description =
        "Run the platform. With no --config: embedded Kafka broker, "
            + "sandbox providers and demo connections.")
final class RunCommand implements Callable<Integer> {
  /** Exit code when another live instance took this instance's identity. */
  static final int EXIT_FENCED = 3;

  @Option(names = "--config", description = "YAML configuration file")
  Path config;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "port of the embedded broker (when kafka.bootstrap is not set)")
  int kafkaPort;

  @Option(
      names = "--data-dir",
      defaultValue = "${sys:user.home}/.switchboard",
      description =
          "where the embedded broker keeps its data and the instance its identity "
              + "(unless SWITCHBOARD_INSTANCE_ID is set) across restarts")
  Path dataDir;

  @Option(names = "--http-port", description = "port of /health, /ready, /metrics")
  Integer httpPort;

  @Override
  public Integer call() throws Exception {
    SwitchboardConfig cfg =
        config == null
            ? SwitchboardConfig.empty().withEnv(System.getenv())
            : SwitchboardConfig.load(config, System.getenv());
    if (httpPort != null) {
      cfg = cfg.withHttpPort(httpPort);
    }
    Platform platform = Platform.start(new Platform.Options(cfg, dataDir, kafkaPort));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  platform.close();
                  stopped.countDown();
                },
                "switchboard-shutdown"));
    // Fenced: another live instance took this identity and owns our partitions. Running on idle
    // would look healthy and do nothing, so stop with an error. (exit() runs the shutdown hook,
    // which needs the event loops: never call it from one.)
    platform
        .switchboard()
        .fatal()
        .onSuccess(
            e ->
                new Thread(
                        () -> {
                          System.err.println(
                              "switchboard: stopping: another running instance uses this instance's "
                                  + "identity '"
                                  + platform.instanceId()
                                  + "' ("
                                  + InstanceIdentity.ENV
                                  + " or "
                                  + InstanceIdentity.FILE
                                  + " in the data directory); give each instance its own");
                          System.exit(EXIT_FENCED);
                        },
                        "switchboard-fenced")
                    .start());
    System.out.println();
    System.out.println("Switchboard is running.");
    System.out.println("  Kafka bootstrap : " + platform.bootstrap());
    System.out.println(
        "  Ops endpoints   : http://127.0.0.1:"
            + platform.httpPort()
            + "/health  /ready  /metrics");
    System.out.println("  Instance id     : " + platform.instanceId());
    System.out.println(
        "  Connections     : "
            + platform.connections().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().keySet())
                .toList());
    if (platform.demo()) {
      printDemo(platform.sandbox(), platform.connections().keySet());
    }
    System.out.println("Stop with Ctrl-C.");
    stopped.await();
    return 0;
  }

  /** Each simulator's address and demo connections, then a command to try per configured one. */
  private static void printDemo(Sandbox sandbox, Set<String> configured) {
    System.out.println("  Demo sandbox    :");
    for (Sandbox.Entry e : sandbox.entries()) {
      System.out.println(
          "    "
              + e.id()
              + " on "
              + e.simulator().origin()
              + ", connections "
              + e.demoConnections().stream().map(c -> c.name() + " (" + c.about() + ")").toList());
    }
    System.out.println();
    System.out.println("Try, in another terminal:");
    for (Sandbox.Entry e : sandbox.entries()) {
      if (!configured.contains(e.id())) continue;
      e.demoConnections().stream()
          .filter(c -> c.exampleOperation() != null)
          .findFirst()
          .ifPresent(
              c ->
                  System.out.println(
                      "  java -jar launcher/target/switchboard.jar send "
                          + e.id()
                          + " "
                          + c.exampleOperation()
                          + " --connection "
                          + c.name()
                          + " --quiet"));
    }
  }
}
