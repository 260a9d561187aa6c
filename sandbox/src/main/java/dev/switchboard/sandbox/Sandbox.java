package dev.switchboard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The running provider simulators: every {@link ProviderSimulator} on the class path (or those
 * {@link SandboxConfig#only} names), one HTTP server each. Used by the launcher's demo ({@code
 * run}), standalone ({@code sandbox}, {@link SandboxMain}) and by tests that want several
 * providers; a connector's own tests start only its simulator.
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.start(vertx, SandboxConfig.demo()).await();
 * Map<String, Map<String, ObjectNode>> connections = sandbox.demoConnections();
 * IqResellerSimulator iqr = sandbox.simulator(IqResellerSimulator.class);
 * ...
 * sandbox.close();
 * }</pre>
 */
public final class Sandbox {
  /**
   * One started simulator.
   *
   * @param id the provider id
   * @param title one line for people
   * @param simulator the running simulator
   * @param demoConnections connections to its demo tenants
   */
  public record Entry(
      String id, String title, RunningSimulator simulator, List<DemoConnection> demoConnections) {}

  private final List<Entry> entries;

  private Sandbox(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Every simulator found with {@link ServiceLoader}, in port-offset order. */
  public static List<ProviderSimulator<?, ?>> available() {
    List<ProviderSimulator<?, ?>> found = new ArrayList<>();
    ServiceLoader.load(ProviderSimulator.class).forEach(found::add);
    found.sort(Comparator.comparingInt(ProviderSimulator::portOffset));
    Map<Integer, String> offsets = new HashMap<>();
    for (ProviderSimulator<?, ?> s : found) {
      String clash = offsets.put(s.portOffset(), s.id());
      if (clash != null) {
        throw new IllegalStateException(
            "simulators " + clash + " and " + s.id() + " share port offset " + s.portOffset());
      }
    }
    return found;
  }

  /** Starts the configured simulators; fails (closing what started) if one fails to start. */
  public static Future<Sandbox> start(Vertx vertx, SandboxConfig config) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    List<ProviderSimulator<?, ?>> chosen;
    try {
      List<ProviderSimulator<?, ?>> found = available();
      List<String> ids = found.stream().map(ProviderSimulator::id).toList();
      for (String id : config.only()) {
        if (!ids.contains(id))
          throw new IllegalArgumentException("no simulator " + id + " (found: " + ids + ")");
      }
      chosen = found.stream().filter(s -> config.starts(s.id())).toList();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    List<Future<Entry>> starting = new ArrayList<>();
    for (ProviderSimulator<?, ?> s : chosen) starting.add(startOne(vertx, config, s));
    return Future.join(starting)
        .transform(
            all -> {
              List<Entry> started = new ArrayList<>();
              starting.stream().filter(Future::succeeded).forEach(f -> started.add(f.result()));
              if (all.succeeded()) return Future.succeededFuture(new Sandbox(started));
              return new Sandbox(started)
                  .close()
                  .transform(closed -> Future.failedFuture(all.cause()));
            });
  }

  private static <C, R extends RunningSimulator> Future<Entry> startOne(
      Vertx vertx, SandboxConfig config, ProviderSimulator<C, R> s) {
    SimulatorEnv env = new SimulatorEnv(config.host(), config.portOf(s), config.clock());
    return s.start(vertx, env, config.configOf(s))
        .map(r -> new Entry(s.id(), s.title(), r, List.copyOf(s.demoConnections(r))));
  }

  /** The started simulators, in port-offset order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The running simulator of type {@code type}. @throws IllegalArgumentException if none runs */
  public <R extends RunningSimulator> R simulator(Class<R> type) {
    for (Entry e : entries) {
      if (type.isInstance(e.simulator())) return type.cast(e.simulator());
    }
    throw new IllegalArgumentException("no running " + type.getSimpleName());
  }

  /**
   * The demo connections, as {@code switchboard run} configures them: provider id, then connection
   * name, then its config (a fresh copy each call). Meaningful when the simulators run their demo
   * configuration ({@link SandboxConfig#demo()}).
   */
  public Map<String, Map<String, ObjectNode>> demoConnections() {
    Map<String, Map<String, ObjectNode>> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      Map<String, ObjectNode> byName = new LinkedHashMap<>();
      e.demoConnections().forEach(c -> byName.put(c.name(), c.config().deepCopy()));
      out.put(e.id(), byName);
    }
    return out;
  }

  /** Stops every simulator. The Vert.x instance is the caller's and stays open. */
  public Future<Void> close() {
    return Future.join(entries.stream().map(e -> e.simulator().close()).toList()).mapEmpty();
  }
}
