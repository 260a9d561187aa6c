package dev.switchboard.launcher;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the CLI reports errors: one line on stderr naming the command, then the exit code of {@link
 * ExitCodes}. Users see a stack trace for nothing they can cause; an unexpected exception prints
 * its type and message (exit 1), the trace only with {@code -Dswitchboard.debug=true}.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

  /** Picocli's own parse errors (unknown option, missing argument, unconvertible value). */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(prefix(cmd) + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof CliException e) {
      err.println(prefix(cmd) + e.getMessage());
      err.flush();
      return e.exitCode();
    }
    String message =
        ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse("");
    err.println(prefix(cmd) + "error: " + ex.getClass().getSimpleName() + message);
    if (Boolean.getBoolean("switchboard.debug")) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.FAILED;
  }

  private static String prefix(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName() + ": ";
  }
}
