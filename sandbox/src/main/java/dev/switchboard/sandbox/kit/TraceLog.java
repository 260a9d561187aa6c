package dev.switchboard.sandbox.kit;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the latest requests that
 * carried one, so a test or an operator can see which provider calls joined a caller's trace: over
 * {@code GET /_sandbox/traces} or {@link HttpSimulator#traces()}. A real provider ignores these
 * headers or hands them to its own tracing; the sandbox only remembers them. Bounded: the oldest
 * entries are dropped beyond {@link #CAPACITY}.
 */
public final class TraceLog implements Handler<RoutingContext> {
  /** How many requests are remembered. */
  public static final int CAPACITY = 10_000;

  /** One request that carried a trace context; {@code tracestate} may be null. */
  public record Entry(String method, String path, String traceparent, String tracestate) {}

  private final Deque<Entry> entries = new ArrayDeque<>();

  @Override
  public void handle(RoutingContext ctx) {
    String traceparent = ctx.request().getHeader("traceparent");
    if (traceparent != null && !ctx.request().path().startsWith("/_sandbox/")) {
      add(
          new Entry(
              ctx.request().method().name(),
              ctx.request().path(),
              traceparent,
              ctx.request().getHeader("tracestate")));
    }
    ctx.next();
  }

  private synchronized void add(Entry e) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(e);
  }

  /** The remembered requests, oldest first. */
  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries);
  }

  /** Forgets every request. */
  public synchronized void clear() {
    entries.clear();
  }
}
