package dev.switchboard.launcher;

/**
 * A user-facing error: {@link CliErrors} prints its message as one line, without a stack trace, and
 * exits with its code. Thrown for what the user can fix (a typo, a stopped broker), never for bugs.
 */
final class CliException extends RuntimeException {
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message, null, false, false); // no stack trace: it is never printed
    this.exitCode = exitCode;
  }

  /** Bad option, argument or input: {@link ExitCodes#USAGE}. */
  static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** Kafka or the provider's topics are not there: {@link ExitCodes#UNAVAILABLE}. */
  static CliException unavailable(String message) {
    return new CliException(ExitCodes.UNAVAILABLE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
