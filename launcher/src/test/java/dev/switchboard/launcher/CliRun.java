package dev.switchboard.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI, as {@link Main#main} runs it, with its output captured. */
record CliRun(int code, String out, String err) {
  /** The address of nothing: a client command pointed here must fail with 69, not hang. */
  static final String NO_BROKER = "127.0.0.1:1";

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** stderr's lines, for "one line, no stack trace". */
  java.util.List<String> errLines() {
    return err.lines().toList();
  }
}
