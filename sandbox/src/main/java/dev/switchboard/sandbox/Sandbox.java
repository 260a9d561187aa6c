package dev.switchboard.sandbox;

import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * The running provider simulators: one HTTP server per provider (IQ Reseller today; AccountsIQ
 * and Accengage will join as siblings). Used by connector tests, by the launcher's embedded demo,
 * and standalone via {@link SandboxMain}.
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.start(vertx, SandboxConfig.demo()).await();
 * String sessionUrl = sandbox.iqReseller().sessionUrl();
 * ...
 * sandbox.close();
 * }</pre>
 */
public final class Sandbox {
  private final IqResellerSimulator iqReseller;

  private Sandbox(IqResellerSimulator iqReseller) {
    this.iqReseller = iqReseller;
  }

  /** Starts every provider server; fails (closing what started) if any fails to bind. */
  public static Future<Sandbox> start(Vertx vertx, SandboxConfig config) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    return IqResellerSimulator.start(vertx, config.host(), config.iqResellerPort(), config.clock(),
        config.iqReseller()).map(Sandbox::new);
  }

  /** The IQ Reseller simulator: URLs, stats, scenario control. */
  public IqResellerSimulator iqReseller() {
    return iqReseller;
  }

  /** Stops every provider server. The Vert.x instance is the caller's and stays open. */
  public Future<Void> close() {
    return iqReseller.close();
  }
}
