package dev.switchboard.launcher;

import dev.switchboard.launcher.logging.LogFormat;
import dev.switchboard.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    description = {
      "Run the platform until stopped (Ctrl-C, SIGTERM). With no --config: embedded Kafka "
          + "broker, sandbox providers and demo connections.",
      "Environment: SWITCHBOARD_INSTANCE_ID sets the instance identity; $${VAR} in the "
          + "configuration file is read from the environment."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:stopped",
      " 1:could not start (e.g. a port in use)",
      " 3:fenced: another live instance took this instance's identity",
      "64:usage error: bad option, missing or invalid configuration file"
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration file (default: none: embedded broker, sandbox and demo connections)")
  Path config;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description =
          "port of the embedded broker, when kafka.bootstrap is not set (default: ${DEFAULT-VALUE})")
  int kafkaPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:user.home}/.switchboard",
      description =
          "where the embedded broker keeps its data and the instance its identity "
              + "(unless SWITCHBOARD_INSTANCE_ID is set) across restarts (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "port of /health, /ready, /metrics (default: http.port of the configuration, else 8080)")
  Integer httpPort;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "text (key=value lines) or json (one JSON object per line, each key a field)"
              + " (default: logging.format of the configuration, else text)")
  String logFormat;

  @Override
  public Integer call() throws Exception {
    SwitchboardConfig cfg = loadConfig();
    try {
      LogFormat.use(logFormat != null ? logFormat : cfg.logFormat());
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--log-format: " + e.getMessage());
    }
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
                          PrintWriter err = spec.commandLine().getErr();
                          err.println(
                              "switchboard: stopping: another running instance uses this instance's "
                                  + "identity '"
                                  + platform.instanceId()
                                  + "' ("
                                  + InstanceIdentity.ENV
                                  + " or "
                                  + InstanceIdentity.FILE
                                  + " in the data directory); give each instance its own");
                          err.flush();
                          System.exit(ExitCodes.FENCED);
                        },
                        "switchboard-fenced")
                    .start());
    PrintWriter out = spec.commandLine().getOut();
    out.println();
    out.println("Switchboard is running.");
    out.println("  Kafka bootstrap : " + platform.bootstrap());
    out.println(
        "  Ops endpoints   : http://127.0.0.1:"
            + platform.httpPort()
            + "/health  /ready  /metrics");
    out.println("  Instance id     : " + platform.instanceId());
    out.println(
        "  Connections     : "
            + platform.connections().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().keySet())
                .toList());
    if (platform.demo()) {
      printDemo(out, platform.sandbox(), platform.connections().keySet());
    }
    out.println("Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return 0;
  }

  /** The configuration; a file the user can fix is a usage error, not a stack trace. */
  private SwitchboardConfig loadConfig() throws IOException {
    try {
      return config == null
          ? SwitchboardConfig.empty().withEnv(System.getenv())
          : SwitchboardConfig.load(config, System.getenv());
    } catch (NoSuchFileException e) {
      throw CliException.usage("--config " + config + ": no such file");
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "invalid configuration" + (config == null ? "" : " " + config) + ": " + e.getMessage());
    }
  }

  /** Each simulator's address and demo connections, then a command to try per configured one. */
  private static void printDemo(PrintWriter out, Sandbox sandbox, Set<String> configured) {
    out.println("  Demo sandbox    :");
    for (Sandbox.Entry e : sandbox.entries()) {
      out.println(
          "    "
              + e.id()
              + " on "
              + e.simulator().origin()
              + ", connections "
              + e.demoConnections().stream().map(c -> c.name() + " (" + c.about() + ")").toList());
    }
    out.println();
    out.println("Try, in another terminal:");
    for (Sandbox.Entry e : sandbox.entries()) {
      if (!configured.contains(e.id())) continue;
      e.demoConnections().stream()
          .filter(c -> c.exampleOperation() != null)
          .findFirst()
          .ifPresent(
              c ->
                  out.println(
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
