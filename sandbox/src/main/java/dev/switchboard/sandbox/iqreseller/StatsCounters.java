package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.FaultCounts;
import dev.switchboard.sandbox.kit.Tally;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link IqResellerStats}: written on the event loop, read by test threads. */
final class StatsCounters {
  final Tally<String> sessionsCreated = new Tally<>();
  final Tally<String> dataCalls = new Tally<>();
  final LongAdder sessionsDeleted = new LongAdder();
  final LongAdder unauthorized = new LongAdder();
  final LongAdder loginsRefused = new LongAdder();
  final FaultCounts faults = new FaultCounts();

  IqResellerStats snapshot(int activeSessions) {
    return new IqResellerStats(
        sessionsCreated.snapshot(),
        sessionsDeleted.sum(),
        activeSessions,
        dataCalls.snapshot(),
        unauthorized.sum(),
        loginsRefused.sum(),
        faults.injectedCount(),
        faults.byKind());
  }
}
