package dev.switchboard.launcher;

/**
 * Command ids the platform accepts. The rule is the runtime's ({@code CommandParser.usableId}): an
 * id is a Kafka key and a ledger key, so 1 to 200 printable ASCII characters, no spaces. A command
 * with any other id cannot be answered and would only reach the dead-letter topic, so the CLI
 * refuses it before sending.
 */
final class CommandIds {
  static final int MAX_LENGTH = 200;

  private CommandIds() {}

  /** Returns {@code id}, or throws a usage error saying what is wrong with it. */
  static String check(String id) {
    String problem = problem(id);
    if (problem != null) {
      throw CliException.usage("invalid command id: " + problem);
    }
    return id;
  }

  /** What is wrong with {@code id}, or null when it is usable. */
  static String problem(String id) {
    if (id.isBlank()) {
      return "it is blank";
    }
    if (id.length() > MAX_LENGTH) {
      return "it has " + id.length() + " characters; the limit is " + MAX_LENGTH;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return String.format(
            "character %d is U+%04X; use printable ASCII without spaces", i + 1, (int) c);
      }
    }
    return null;
  }
}
