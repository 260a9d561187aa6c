package dev.switchboard.launcher;

/**
 * The CLI's exit codes, one meaning each, so that scripts can tell "the provider said no" from
 * "nobody answered" from "you typed it wrong". Usage and unavailability follow BSD sysexits.h.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>done: every command completed (send), finished (tail, replay)</td></tr>
 *   <tr><td>1</td><td>failed: a terminal {@code failed} event (send); the broker refused a record
 *       (replay); any other unexpected error</td></tr>
 *   <tr><td>2</td><td>timeout: no terminal event within {@code --timeout} (send)</td></tr>
 *   <tr><td>3</td><td>fenced: another live instance took this instance's identity (run)</td></tr>
 *   <tr><td>64</td><td>usage: bad option or argument, unknown provider or operation, bad JSON</td></tr>
 *   <tr><td>69</td><td>unavailable: no Kafka broker answers at the bootstrap address, or the
 *       provider's topics do not exist there</td></tr>
 * </table>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int TIMEOUT = 2;
  public static final int FENCED = 3;

  /** sysexits EX_USAGE. */
  public static final int USAGE = 64;

  /** sysexits EX_UNAVAILABLE. */
  public static final int UNAVAILABLE = 69;

  private ExitCodes() {}
}
