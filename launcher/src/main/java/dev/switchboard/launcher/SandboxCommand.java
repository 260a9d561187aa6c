package dev.switchboard.launcher;

import dev.switchboard.sandbox.SandboxMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "sandbox",
    description = "Run only the provider simulators, to develop against. Stop with Ctrl-C.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:stopped", "64:usage error: bad option"})
final class SandboxCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8090",
      description = "HTTP port of the simulators (default: ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() throws Exception {
    SandboxMain.main(new String[] {"--port", String.valueOf(port)});
    return ExitCodes.OK;
  }
}
