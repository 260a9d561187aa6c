package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.accengage.AccengageStats.SignatureSeen;
import dev.switchboard.sandbox.kit.FaultCounts;
import dev.switchboard.sandbox.kit.Tally;
import dev.switchboard.sandbox.kit.WriteTally;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link AccengageStats}: written on the event loop, read by test threads. */
final class StatsCounters {
  final Tally<String> tokensIssued = new Tally<>();
  final Tally<Integer> tokenFailures = new Tally<>();
  final Tally<String> requests = new Tally<>();
  final Tally<String> calls = new Tally<>();
  private final Tally<String> serverErrors = new Tally<>();
  private final Map<String, LinkedHashSet<SignatureSeen>> signatures = new ConcurrentHashMap<>();
  final LongAdder signatureFailures = new LongAdder();
  final LongAdder unknownRoutes = new LongAdder();
  final LongAdder forbidden = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  final LongAdder expectContinueRejected = new LongAdder();
  final FaultCounts faults = new FaultCounts();

  /** Applied writes ({@code messages} create and send), lost answers and re-sends. */
  final WriteTally writes = new WriteTally();

  void rateLimited() {
    rateLimited.increment();
    faults.injected();
  }

  void serverError(String label) {
    serverErrors.add(label);
    faults.injected();
  }

  /**
   * Records a signed request; a pair seen again moves to the end (and stays verified if it ever
   * was).
   */
  void signatureSeen(String route, String time, String signature, boolean verified) {
    LinkedHashSet<SignatureSeen> seen =
        signatures.computeIfAbsent(route, k -> new LinkedHashSet<>());
    synchronized (seen) {
      SignatureSeen failed = new SignatureSeen(time, signature, false);
      SignatureSeen ok = new SignatureSeen(time, signature, true);
      boolean wasVerified = seen.remove(ok);
      seen.remove(failed);
      seen.add(verified || wasVerified ? ok : failed);
      if (seen.size() > AccengageStats.SIGNATURES_KEPT_PER_ROUTE)
        seen.remove(seen.iterator().next());
    }
  }

  AccengageStats snapshot(int activeTokens) {
    Map<String, List<SignatureSeen>> sigs = new TreeMap<>();
    signatures.forEach(
        (route, seen) -> {
          synchronized (seen) {
            sigs.put(route, List.copyOf(new ArrayList<>(seen)));
          }
        });
    return new AccengageStats(
        tokensIssued.snapshot(),
        activeTokens,
        signatureFailures.sum(),
        tokenFailures.snapshot(),
        requests.snapshot(),
        calls.snapshot(),
        unknownRoutes.sum(),
        forbidden.sum(),
        rateLimited.sum(),
        serverErrors.snapshot(),
        expectContinueRejected.sum(),
        faults.injectedCount(),
        Collections.unmodifiableMap(sigs),
        faults.byKind(),
        writes.applied(),
        writes.distinct(),
        writes.answersLost(),
        writes.resentAfterLoss(),
        writes.recentLostKeys());
  }
}
