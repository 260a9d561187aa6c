package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.FaultCounts;
import dev.switchboard.sandbox.kit.Tally;
import dev.switchboard.sandbox.kit.WriteTally;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link AccountsIqStats}: written on the event loop, read by test threads. */
final class StatsCounters {
  final Tally<String> logins = new Tally<>();
  final Tally<String> tokenGets = new Tally<>();
  final Tally<String> tokenRefreshes = new Tally<>();
  final Tally<String> calls = new Tally<>();
  private final Tally<String> writesApplied = new Tally<>();
  final LongAdder loginsRefused = new LongAdder();
  final LongAdder tokenRequestsRefused = new LongAdder();
  final LongAdder authFailures = new LongAdder();
  final LongAdder soapFaults = new LongAdder();
  final LongAdder connectionsDropped = new LongAdder();
  final LongAdder recordsStreamed = new LongAdder();
  final FaultCounts faults = new FaultCounts();

  /** Distinct applied writes (by reference), lost answers and blind re-sends. */
  final WriteTally writes = new WriteTally();

  /** Write {@code key} of {@code operation} changed stored data. */
  void writeApplied(String operation, String key) {
    writesApplied.add(operation);
    writes.applied(operation, key);
  }

  AccountsIqStats snapshot(int activeLoginTokens, int activeAccessTokens) {
    return new AccountsIqStats(
        logins.snapshot(),
        loginsRefused.sum(),
        tokenGets.snapshot(),
        tokenRefreshes.snapshot(),
        tokenRequestsRefused.sum(),
        calls.snapshot(),
        writesApplied.snapshot(),
        authFailures.sum(),
        soapFaults.sum(),
        faults.injectedCount(),
        connectionsDropped.sum(),
        recordsStreamed.sum(),
        activeLoginTokens,
        activeAccessTokens,
        faults.byKind(),
        writes.distinct(),
        writes.answersLost(),
        writes.resentAfterLoss(),
        writes.recentLostKeys());
  }
}
