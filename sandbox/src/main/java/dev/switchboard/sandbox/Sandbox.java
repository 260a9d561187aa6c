package dev.switchboard.sandbox;

import dev.switchboard.sandbox.accengage.AccengageSimulator;
import dev.switchboard.sandbox.accountsiq.AccountsIqSimulator;
import dev.switchboard.sandbox.iqreseller.IqResellerSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * The running provider simulators: one HTTP server per provider (IQ Reseller and Accengage today;
 * AccountsIQ will join as a sibling). Used by connector tests, by the launcher's embedded demo, and
 * standalone via {@link SandboxMain}.
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.start(vertx, SandboxConfig.demo()).await();
 * String sessionUrl = sandbox.iqReseller().sessionUrl();
 * String accengageUrl = sandbox.accengage().baseUrl();
 * ...
 * sandbox.close();
 * }</pre>
 */
public final class Sandbox {
  private final IqResellerSimulator iqReseller;
  private final AccengageSimulator accengage;
  private final AccountsIqSimulator accountsIq;

  private Sandbox(IqResellerSimulator iqReseller, AccengageSimulator accengage,
      AccountsIqSimulator accountsIq) {
    this.accountsIq = accountsIq;
    this.iqReseller = iqReseller;
    this.accengage = accengage;
  }

  /** Starts every provider server; fails (closing what started) if any fails to bind. */
  public static Future<Sandbox> start(Vertx vertx, SandboxConfig config) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    return IqResellerSimulator.start(vertx, config.host(), config.iqResellerPort(), config.clock(),
        config.iqReseller()).compose(iqr ->
            AccengageSimulator.start(vertx, config.host(), config.accengagePort(), config.clock(),
                config.accengage())
                .compose(acc -> AccountsIqSimulator.start(vertx, config.host(),
                        config.accountsIqPort(), config.clock(), config.accountsIq())
                    .map(aiq -> new Sandbox(iqr, acc, aiq))
                    .recover(failure -> acc.close()
                        .transform(closed -> Future.<Sandbox>failedFuture(failure))))
                .recover(failure -> iqr.close().transform(closed -> Future.<Sandbox>failedFuture(failure))));
  }

  /** The IQ Reseller simulator: URLs, stats, scenario control. */
  public IqResellerSimulator iqReseller() {
    return iqReseller;
  }

  /** The Accengage simulator: base URL, stats, scenario control. */
  public AccengageSimulator accengage() {
    return accengage;
  }

  /** The AccountsIQ simulator: both SOAP endpoints, stats, scenario control, stored data. */
  public AccountsIqSimulator accountsIq() {
    return accountsIq;
  }

  /** Stops every provider server. The Vert.x instance is the caller's and stays open. */
  public Future<Void> close() {
    return Future.join(iqReseller.close(), accengage.close(), accountsIq.close()).mapEmpty();
  }
}
