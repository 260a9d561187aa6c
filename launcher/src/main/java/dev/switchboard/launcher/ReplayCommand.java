package dev.switchboard.launcher;

import dev.switchboard.message.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    description = {
      "Re-publish a provider's commands (or its dead letters) to its commands topic, "
          + "with the same keys, values and headers plus switchboard_replay, so that the ledger "
          + "decides what runs again: a finished write is answered with its recorded outcome, "
          + "never sent twice; a read runs again unless the command asks for its outcome.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:done (or, with --dry-run, counted)",
      " 1:the broker refused a record",
      "64:usage error: bad option or argument",
      "69:no Kafka broker at --bootstrap"
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--provider",
      required = true,
      paramLabel = "PROVIDER",
      description = "provider id, e.g. accengage (required)")
  String provider;

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  static final class From {
    @Option(
        names = "--from-time",
        required = true,
        paramLabel = "INSTANT",
        description =
            "first record's time, ISO-8601 instant, e.g. 2026-12-06T08:00:00Z "
                + "(this or --from-offset is required)")
    Instant time;

    @Option(
        names = "--from-offset",
        required = true,
        paramLabel = "OFFSET",
        description =
            "first offset, in every partition (0: from the beginning) "
                + "(this or --from-time is required)")
    Long offset;
  }

  @Option(
      names = "--to-time",
      paramLabel = "INSTANT",
      description =
          "last record's time, ISO-8601 instant (default: "
              + "up to where each partition ends when the replay starts)")
  Instant toTime;

  @Option(
      names = "--dlq",
      description =
          "re-drive the dead-letter topic instead (once the "
              + "cause is fixed); truncated copies are skipped (default: ${DEFAULT-VALUE})")
  boolean dlq;

  @Option(
      names = "--dry-run",
      description =
          "print how many records and the first ids; publish nothing (default: ${DEFAULT-VALUE})")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    kafka.requireBroker();
    Topics t = new Topics(kafka.topicPrefix, provider);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String source = dlq ? t.dlq() : t.commands();
    boolean terminal = System.console() != null;
    CommandReplay.Result r =
        new CommandReplay(kafka.bootstrap, kafka.clientProperties())
            .run(
                source,
                t.commands(),
                from.time,
                from.offset == null ? 0 : from.offset,
                toTime,
                dryRun,
                n -> {
                  if (terminal && n % 1000 == 0) {
                    err.printf("\r%,d records", n);
                    err.flush();
                  }
                });
    if (terminal) {
      err.println();
    }
    out.printf(
        "%s %,d records from %s to %s%s; first ids: %s%n",
        dryRun ? "would re-publish" : "re-published",
        r.records(),
        source,
        t.commands(),
        r.skipped() > 0 ? " (" + r.skipped() + " truncated dead letters skipped)" : "",
        r.firstIds());
    out.flush();
    return ExitCodes.OK;
  }
}
