package dev.switchboard.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code switchboard}: run the platform, send a command, tail results, run the sandbox alone. */
@Command(
    name = "switchboard",
    // INHERIT: --help and --version on every subcommand too, not on this one only.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "switchboard 0.1.0",
    description = "Kafka connector platform: provider commands from Kafka, results back to Kafka.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:completed (send), done (tail, replay, operations)",
      " 1:failed: a terminal 'failed' event (send), a record the broker refused (replay), "
          + "an unexpected error",
      " 2:timeout: no terminal event within --timeout (send)",
      " 3:fenced: another live instance took this instance's identity (run)",
      "64:usage error: bad option or argument, unknown provider or operation, bad JSON",
      "69:unavailable: no Kafka broker at the bootstrap address, or the provider's topics "
          + "are missing"
    },
    footer = {"%nSee docs/cli.md for every option, environment variable and example."},
    subcommands = {
      RunCommand.class,
      SendCommand.class,
      TailCommand.class,
      ReplayCommand.class,
      OperationsCommand.class,
      SandboxCommand.class
    })
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The CLI as {@link #main} runs it: errors as one line and an {@link ExitCodes} code, never a
   * stack trace for a mistake of the user's. Tests run this, with their own out and err.
   */
  public static CommandLine commandLine() {
    CliErrors errors = new CliErrors();
    return new CommandLine(new Main())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  /** No subcommand: a usage error, not a silent success. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand");
  }
}
