package dev.switchboard.sandbox.iqreseller;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters: written on the event loop, read by test threads. */
final class StatsCounters {
  private final Map<String, LongAdder> sessionsCreated = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> dataCalls = new ConcurrentHashMap<>();
  private final LongAdder sessionsDeleted = new LongAdder();
  private final LongAdder unauthorized = new LongAdder();
  private final LongAdder loginsRefused = new LongAdder();
  private final LongAdder faultsInjected = new LongAdder();
  private final Map<String, LongAdder> faultsByKind = new ConcurrentHashMap<>();

  void sessionCreated(String tenantName) {
    sessionsCreated.computeIfAbsent(tenantName, k -> new LongAdder()).increment();
  }

  void dataCall(String route) {
    dataCalls.computeIfAbsent(route, k -> new LongAdder()).increment();
  }

  void sessionDeleted() {
    sessionsDeleted.increment();
  }

  void unauthorized() {
    unauthorized.increment();
  }

  void loginRefused() {
    loginsRefused.increment();
  }

  void faultInjected() {
    faultsInjected.increment();
  }

  /** A fault of the random mode, by kind ({@code FaultDice.SERVER_ERROR}...); also a fault injected. */
  void randomFault(String kind) {
    faultsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    faultsInjected.increment();
  }

  IqResellerStats snapshot(int activeSessions) {
    return new IqResellerStats(copy(sessionsCreated), sessionsDeleted.sum(), activeSessions,
        copy(dataCalls), unauthorized.sum(), loginsRefused.sum(), faultsInjected.sum(), copy(faultsByKind));
  }

  private static Map<String, Long> copy(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return Map.copyOf(out);
  }
}
