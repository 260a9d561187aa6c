package dev.switchboard.launcher;

import dev.switchboard.message.Topics;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-publish a provider's commands (or its dead letters) to its commands topic, "
          + "with the same keys, values and headers plus switchboard_replay, so that the ledger "
          + "decides what runs again: a finished write is answered with its recorded outcome, "
          + "never sent twice; a read runs again unless the command asks for its outcome.",
      "Exit code 0 when done, 1 when the broker refused a record."
    })
final class ReplayCommand implements Callable<Integer> {
  @Option(names = "--provider", required = true, description = "provider id, e.g. accengage")
  String provider;

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  static final class From {
    @Option(
        names = "--from-time",
        required = true,
        description = "first record's time, ISO-8601 instant, e.g. 2026-12-06T08:00:00Z")
    Instant time;

    @Option(
        names = "--from-offset",
        required = true,
        description = "first offset, in every partition (0: from the beginning)")
    Long offset;
  }

  @Option(
      names = "--to-time",
      description =
          "last record's time, ISO-8601 instant (default: "
              + "up to where each partition ends when the replay starts)")
  Instant toTime;

  @Option(
      names = "--dlq",
      description =
          "re-drive the dead-letter topic instead (once the "
              + "cause is fixed); truncated copies are skipped")
  boolean dlq;

  @Option(
      names = "--dry-run",
      description = "print how many records and the first ids; " + "publish nothing")
  boolean dryRun;

  @Option(
      names = "--bootstrap",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
  String bootstrap;

  @Option(
      names = "--topic-prefix",
      defaultValue = "switchboard",
      description = "topic prefix (default: ${DEFAULT-VALUE})")
  String topicPrefix;

  @Override
  public Integer call() throws Exception {
    Topics t = new Topics(topicPrefix, provider);
    String source = dlq ? t.dlq() : t.commands();
    boolean terminal = System.console() != null;
    CommandReplay.Result r =
        new CommandReplay(bootstrap, new Properties())
            .run(
                source,
                t.commands(),
                from.time,
                from.offset == null ? 0 : from.offset,
                toTime,
                dryRun,
                n -> {
                  if (terminal && n % 1000 == 0) {
                    System.err.printf("\r%,d records", n);
                  }
                });
    if (terminal) {
      System.err.println();
    }
    System.out.printf(
        "%s %,d records from %s to %s%s; first ids: %s%n",
        dryRun ? "would re-publish" : "re-published",
        r.records(),
        source,
        t.commands(),
        r.skipped() > 0 ? " (" + r.skipped() + " truncated dead letters skipped)" : "",
        r.firstIds());
    return 0;
  }
}
