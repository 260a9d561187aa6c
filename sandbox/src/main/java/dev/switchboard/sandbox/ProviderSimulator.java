package dev.switchboard.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * A provider simulator as a plug-in: found with {@link java.util.ServiceLoader} (each registers
 * itself with {@code @AutoService(ProviderSimulator.class)}), it says which provider it plays,
 * starts a simulator, and offers the demo that {@code switchboard run} and {@code switchboard
 * sandbox} serve. {@link Sandbox} starts every one it finds, so adding a simulator changes no other
 * file. Implementations are stateless; a connector's own tests may start their simulator directly
 * instead.
 *
 * @param <C> the simulator's configuration: its settings and tenants
 * @param <R> the running simulator
 */
public interface ProviderSimulator<C, R extends RunningSimulator> {
  /** The provider's id, the same as its connector's, e.g. {@code iqreseller}. */
  String id();

  /** One line for people: the provider and how a client authenticates. */
  String title();

  /**
   * This simulator's port is {@code basePort + portOffset()} when the sandbox has fixed ports, so a
   * developer's URLs survive a restart. Unique among simulators; a new one takes the next free.
   */
  int portOffset();

  /** The configuration type, so {@link SandboxConfig#with} can hold one per simulator. */
  Class<C> configType();

  /** Default settings and no tenants. */
  C defaultConfig();

  /** Default settings and the demo tenants that {@link #demoConnections} reach. */
  C demoConfig();

  /** Starts a simulator; fails if it cannot bind. */
  Future<R> start(Vertx vertx, SimulatorEnv env, C config);

  /** Connections to the demo tenants of {@code running}, started with {@link #demoConfig()}. */
  List<DemoConnection> demoConnections(R running);
}
