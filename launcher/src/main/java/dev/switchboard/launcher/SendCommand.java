package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "send",
    description = {
      "Publish a command (or, with --file, many) and print its result events until the "
          + "terminal one; with --file, the terminal event of every command, in file order.",
      "Provider, operation, id and params are checked before anything is sent."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every command completed",
      " 1:a command failed (terminal event 'failed')",
      " 2:no terminal event within --timeout (for a command that did not fail)",
      "64:usage error: bad option, unknown provider or operation, bad JSON or id",
      "69:no Kafka broker at --bootstrap, or the provider's topics are missing"
    })
final class SendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Parameters(index = "0", paramLabel = "PROVIDER", description = "provider id, e.g. iqreseller")
  String provider;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "OPERATION",
      description = "operation, e.g. salesOrders.list (not with --file)")
  String operation;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "NAME",
      description = "connection id; required with OPERATION (default: none)")
  String connection;

  @Option(
      names = {"-p", "--params"},
      paramLabel = "JSON",
      defaultValue = "{}",
      description = "params, a JSON object (default: ${DEFAULT-VALUE})")
  String params;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description =
          "command id, 1-200 printable ASCII characters without spaces (default: a random UUID)")
  String id;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "send every command of FILE ('-': stdin), one JSON object a line with operation, "
              + "connection, optional params and id (default: none, send OPERATION)")
  String file;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "120s",
      converter = DurationConverter.class,
      description =
          "how long to wait for the terminal events once sent: "
              + DurationConverter.FORMATS
              + " (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "print a progress line on stderr instead of each record (default: ${DEFAULT-VALUE})")
  boolean quiet;

  @Option(
      names = "--no-check",
      description =
          "send even if this CLI does not know the provider or operation, e.g. for a platform "
              + "running other connectors (default: ${DEFAULT-VALUE})")
  boolean noCheck;

  @Override
  public Integer call() throws Exception {
    ProviderCatalog catalog = ProviderCatalog.discover();
    if (!noCheck) {
      catalog.provider(provider);
    }
    List<ObjectNode> commands = file != null ? fromFile(catalog) : List.of(single(catalog));
    kafka.requireBroker();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.onStderr(err);
    Map<String, JsonNode> ends;
    try (CommandClient client =
        new CommandClient(kafka.clientProperties(), kafka.topicPrefix, provider)) {
      ends =
          client.callAll(
              commands,
              event -> {
                if (event.path("type").asText().equals("record")) {
                  if (quiet) {
                    progress.record();
                  } else {
                    out.println(Json.text(event));
                  }
                }
              },
              timeout);
    }
    if (quiet) {
      progress.finish();
    }
    return report(commands, ends, out, err);
  }

  /** Prints each terminal event in the commands' order; the exit code of the worst outcome. */
  private int report(
      List<ObjectNode> commands, Map<String, JsonNode> ends, PrintWriter out, PrintWriter err) {
    boolean failed = false;
    boolean timedOut = false;
    for (ObjectNode cmd : commands) {
      String cmdId = cmd.get("id").asText();
      JsonNode end = ends.get(cmdId);
      if (end == null) {
        timedOut = true;
        err.println("no terminal event for " + cmdId + " within " + seconds(timeout));
      } else {
        out.println(Json.text(end));
        failed |= !end.path("type").asText().equals("completed");
      }
    }
    out.flush();
    err.flush();
    return failed ? ExitCodes.FAILED : timedOut ? ExitCodes.TIMEOUT : ExitCodes.OK;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private ObjectNode single(ProviderCatalog catalog) {
    if (operation == null) {
      throw CliException.usage("give OPERATION (and --connection), or --file");
    }
    if (connection == null || connection.isBlank()) {
      throw CliException.usage("--connection is required with OPERATION");
    }
    if (!noCheck) {
      catalog.operation(provider, operation);
    }
    ObjectNode cmd =
        Json.object()
            .put("id", id != null ? CommandIds.check(id) : UUID.randomUUID().toString())
            .put("operation", operation)
            .put("connection", connection);
    cmd.set("params", JsonArgs.object(params, "-p/--params"));
    return cmd;
  }

  private List<ObjectNode> fromFile(ProviderCatalog catalog) {
    if (operation != null || connection != null || id != null || !params.equals("{}")) {
      throw CliException.usage(
          "--file takes each command's operation, connection, params and id from its lines; "
              + "do not also give OPERATION, --connection, --params or --id");
    }
    return CommandFile.read(file, op -> check(catalog, op));
  }

  private void check(ProviderCatalog catalog, String op) {
    if (!noCheck) {
      catalog.operation(provider, op);
    }
  }
}
