package dev.switchboard.log;

/**
 * Renders a value for a {@code key=value} log line so that no input can forge a line or a field: a
 * value made only of safe characters is written as it is; anything else is written in double quotes
 * with backslash escapes ({@code \n}, {@code \r}, {@code \t}, {@code \"}, {@code \\}, {@code
 * \}{@code uXXXX} for every other control or line-breaking character). So an operation named {@code
 * "x\nevent=command.completed"} stays on its line, inside its own field.
 *
 * <p>Use it for every logged value that came from outside: command fields, record keys, error
 * messages that may quote them.
 */
public final class LogValue {
  private LogValue() {}

  /** The value, escaped and quoted when needed; {@code null} for null. */
  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    String s = value.toString();
    if (!s.isEmpty() && s.chars().allMatch(LogValue::plain)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c)
              || c == '\u2028'
              || c == '\u2029'
              || Character.isSurrogate(c) && !validPair(s, i)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Characters that can neither end a line nor start a new field. */
  private static boolean plain(int c) {
    return c > 0x20 && c < 0x7f && c != '"' && c != '=' && c != '\\';
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
