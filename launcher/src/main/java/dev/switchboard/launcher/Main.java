package dev.switchboard.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code switchboard}: run the platform, send a command, tail results, run the sandbox alone. */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    version = "switchboard 0.1.0",
    description = "Kafka connector platform: provider commands from Kafka, results back to Kafka.",
    subcommands = {
      RunCommand.class,
      SendCommand.class,
      TailCommand.class,
      ReplayCommand.class,
      SandboxCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
