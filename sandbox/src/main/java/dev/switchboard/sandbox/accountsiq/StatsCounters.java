package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.WriteTally;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters: written on the event loop, read by test threads. */
final class StatsCounters {
  private final Map<String, LongAdder> logins = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> tokenGets = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> tokenRefreshes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> writesApplied = new ConcurrentHashMap<>();
  private final LongAdder loginsRefused = new LongAdder();
  private final LongAdder tokenRequestsRefused = new LongAdder();
  private final LongAdder authFailures = new LongAdder();
  private final LongAdder soapFaults = new LongAdder();
  private final LongAdder faultsInjected = new LongAdder();
  private final LongAdder connectionsDropped = new LongAdder();
  private final LongAdder recordsStreamed = new LongAdder();
  private final Map<String, LongAdder> faultsByKind = new ConcurrentHashMap<>();
  /** Distinct applied writes (by reference), lost answers and blind re-sends. */
  final WriteTally writes = new WriteTally();

  void login(String companyId) {
    inc(logins, companyId);
  }

  void tokenGet(String clientId) {
    inc(tokenGets, clientId);
  }

  void tokenRefresh(String clientId) {
    inc(tokenRefreshes, clientId);
  }

  void call(String operation) {
    inc(calls, operation);
  }

  /** Write {@code key} of {@code operation} changed stored data. */
  void writeApplied(String operation, String key) {
    inc(writesApplied, operation);
    writes.applied(operation, key);
  }

  /** A fault of the random mode, by kind ({@code FaultDice.SERVER_ERROR}...); also a fault injected. */
  void randomFault(String kind) {
    inc(faultsByKind, kind);
    faultsInjected.increment();
  }

  void loginRefused() {
    loginsRefused.increment();
  }

  void tokenRequestRefused() {
    tokenRequestsRefused.increment();
  }

  void authFailure() {
    authFailures.increment();
  }

  void soapFault() {
    soapFaults.increment();
  }

  void faultInjected() {
    faultsInjected.increment();
  }

  void connectionDropped() {
    connectionsDropped.increment();
  }

  void recordsStreamed(int n) {
    recordsStreamed.add(n);
  }

  AccountsIqStats snapshot(int activeLoginTokens, int activeAccessTokens) {
    return new AccountsIqStats(copy(logins), loginsRefused.sum(), copy(tokenGets), copy(tokenRefreshes),
        tokenRequestsRefused.sum(), copy(calls), copy(writesApplied), authFailures.sum(), soapFaults.sum(),
        faultsInjected.sum(), connectionsDropped.sum(), recordsStreamed.sum(), activeLoginTokens, activeAccessTokens,
        copy(faultsByKind), writes.distinct(), writes.answersLost(), writes.resentAfterLoss(),
        writes.recentLostKeys());
  }

  private static void inc(Map<String, LongAdder> m, String key) {
    m.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static Map<String, Long> copy(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return Map.copyOf(out);
  }
}
