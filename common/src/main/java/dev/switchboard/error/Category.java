package dev.switchboard.error;

/** Failure categories of the message contract, stable across providers. */
public enum Category {
  /**
   * The command itself is wrong (fields, params, unknown operation or connection). Never retried.
   */
  INVALID_COMMAND,
  /** Credentials refused, token not renewable, no rights. */
  AUTH,
  NOT_FOUND,
  CONFLICT,
  /** The provider throttled and retries ran out (or the deadline came first). */
  RATE_LIMITED,
  /** The provider failed or answered something we cannot read. */
  PROVIDER,
  /** Network trouble or timeouts that outlasted the retries or the deadline. */
  TRANSIENT,
  /** A bug or an unexpected state inside Switchboard. */
  INTERNAL
}
