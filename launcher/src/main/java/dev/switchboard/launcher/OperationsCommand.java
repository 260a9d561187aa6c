package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "operations",
    description = {
      "List the providers this CLI knows and their operations: name, single or stream, "
          + "write or read, description.",
      "With --json, one JSON document: provider, then operation, then its kind, write flag, "
          + "description and params JSON Schema."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:listed", "64:usage error: bad option, unknown provider"})
final class OperationsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PROVIDER",
      description = "only this provider, e.g. iqreseller (default: every provider)")
  String provider;

  @Option(
      names = "--json",
      description = "print JSON with each operation's params schema (default: ${DEFAULT-VALUE})")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ProviderCatalog catalog = ProviderCatalog.discover();
    Map<String, ProviderConnector<?>> chosen =
        provider == null ? catalog.all() : Map.of(provider, catalog.provider(provider));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(asJson(chosen)));
    } else {
      chosen.forEach((id, c) -> printText(out, id, c));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void printText(PrintWriter out, String id, ProviderConnector<?> c) {
    out.println(id);
    int width = c.operations().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (var op : c.operations().values()) {
      OperationSpec s = op.spec();
      out.printf(
          "  %-" + width + "s  %-6s  %-5s  %s%n",
          s.name(),
          kind(s),
          s.write() ? "write" : "read",
          s.description() == null ? "" : s.description());
    }
  }

  private static ObjectNode asJson(Map<String, ProviderConnector<?>> connectors) {
    ObjectNode root = Json.object();
    connectors.forEach(
        (id, c) -> {
          ObjectNode ops = root.putObject(id);
          for (var op : c.operations().values()) {
            OperationSpec s = op.spec();
            ObjectNode o =
                ops.putObject(s.name())
                    .put("kind", kind(s))
                    .put("write", s.write())
                    .put("description", s.description());
            o.set("params", s.params().toJsonSchema());
          }
        });
    return root;
  }

  private static String kind(OperationSpec s) {
    return s.kind() == OperationSpec.Kind.STREAM ? "stream" : "single";
  }
}
