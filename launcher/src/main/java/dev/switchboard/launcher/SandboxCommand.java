package dev.switchboard.launcher;

import dev.switchboard.sandbox.SandboxMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", description = "Run only the provider simulators, to develop against.")
final class SandboxCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8090")
  int port;

  @Override
  public Integer call() throws Exception {
    SandboxMain.main(new String[] {"--port", String.valueOf(port)});
    return 0;
  }
}
