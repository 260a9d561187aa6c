package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.WriteTally;
import dev.switchboard.sandbox.accengage.AccengageStats.SignatureSeen;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters: written on the event loop, read by test threads. */
final class StatsCounters {
  private final Map<String, LongAdder> tokensIssued = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> tokenFailures = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> serverErrors = new ConcurrentHashMap<>();
  private final Map<String, LinkedHashSet<SignatureSeen>> signatures = new ConcurrentHashMap<>();
  private final LongAdder signatureFailures = new LongAdder();
  private final LongAdder unknownRoutes = new LongAdder();
  private final LongAdder forbidden = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder expectContinueRejected = new LongAdder();
  private final LongAdder faultsInjected = new LongAdder();
  private final Map<String, LongAdder> faultsByKind = new ConcurrentHashMap<>();
  /** Applied writes ({@code messages} create and send), lost answers and re-sends. */
  final WriteTally writes = new WriteTally();

  void tokenIssued(String email) { add(tokensIssued, email); }
  void tokenFailure(int status) { tokenFailures.computeIfAbsent(status, k -> new LongAdder()).increment(); }
  void request(String route) { add(requests, route); }
  void call(String route) { add(calls, route); }
  void signatureFailure() { signatureFailures.increment(); }
  void unknownRoute() { unknownRoutes.increment(); }
  void forbidden() { forbidden.increment(); }
  void expectContinueRejected() { expectContinueRejected.increment(); }
  void faultInjected() { faultsInjected.increment(); }

  /** A fault of the random mode, by kind ({@code FaultDice.SERVER_ERROR}...); also a fault injected. */
  void randomFault(String kind) {
    add(faultsByKind, kind);
    faultsInjected.increment();
  }

  void rateLimited() {
    rateLimited.increment();
    faultsInjected.increment();
  }

  void serverError(String label) {
    add(serverErrors, label);
    faultsInjected.increment();
  }

  /** Records a signed request; a pair seen again moves to the end (and stays verified if it ever was). */
  void signatureSeen(String route, String time, String signature, boolean verified) {
    LinkedHashSet<SignatureSeen> seen = signatures.computeIfAbsent(route, k -> new LinkedHashSet<>());
    synchronized (seen) {
      SignatureSeen failed = new SignatureSeen(time, signature, false);
      SignatureSeen ok = new SignatureSeen(time, signature, true);
      boolean wasVerified = seen.remove(ok);
      seen.remove(failed);
      seen.add(verified || wasVerified ? ok : failed);
      if (seen.size() > AccengageStats.SIGNATURES_KEPT_PER_ROUTE) seen.remove(seen.iterator().next());
    }
  }

  AccengageStats snapshot(int activeTokens) {
    Map<String, List<SignatureSeen>> sigs = new TreeMap<>();
    signatures.forEach((route, seen) -> {
      synchronized (seen) {
        sigs.put(route, List.copyOf(new ArrayList<>(seen)));
      }
    });
    Map<Integer, Long> failures = new TreeMap<>();
    tokenFailures.forEach((k, v) -> failures.put(k, v.sum()));
    return new AccengageStats(copy(tokensIssued), activeTokens, signatureFailures.sum(), Collections.unmodifiableMap(failures),
        copy(requests), copy(calls), unknownRoutes.sum(), forbidden.sum(), rateLimited.sum(),
        copy(serverErrors), expectContinueRejected.sum(), faultsInjected.sum(), Collections.unmodifiableMap(sigs),
        copy(faultsByKind), writes.applied(), writes.distinct(), writes.answersLost(), writes.resentAfterLoss(),
        writes.recentLostKeys());
  }

  private static void add(Map<String, LongAdder> counters, String key) {
    counters.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static Map<String, Long> copy(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return Collections.unmodifiableMap(out);
  }
}
