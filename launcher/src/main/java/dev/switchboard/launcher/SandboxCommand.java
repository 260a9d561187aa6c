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

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "address the simulators listen on; 0.0.0.0 to reach them from other containers"
              + " (default: ${DEFAULT-VALUE})")
  String host;

  @Override
  public Integer call() throws Exception {
    SandboxMain.main(new String[] {"--port", String.valueOf(port), "--host", host});
    return ExitCodes.OK;
  }
}
