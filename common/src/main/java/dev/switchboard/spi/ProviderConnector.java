package dev.switchboard.spi;

import dev.switchboard.error.ErrorClassifier;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.util.Map;

/**
 * A provider plugin, found with {@link java.util.ServiceLoader} (a connector registers itself with
 * {@code @AutoService(ProviderConnector.class)}). A connector declares and wires: its connection
 * configuration keys (a {@link Schema}), how to open a connection, and its operations. The runtime
 * owns Kafka, dispatch, backpressure, provider-call retries (through {@code
 * ConnectorContext.http()}), commits and shutdown.
 *
 * <p>Threading: every method is called on the connector's Vert.x context (one event loop), so
 * connector state needs no locks; nothing here may block.
 *
 * @param <C> the connector's per-connection client (session, token source, HTTP base URL...)
 */
public interface ProviderConnector<C> {

  /** Provider id used in topic names and config, e.g. {@code "iqreseller"}. */
  String id();

  /** The keys a connection of this provider accepts, with types, defaults and secret flags. */
  Schema configSpec();

  /**
   * Opens one configured connection. Must be lazy: no provider call until an operation needs one (a
   * cold connection logs in on first use, once, however many commands arrive).
   */
  Single<C> connect(ConnectionConfig config, ConnectorContext context);

  /** Operations by name, e.g. {@code "salesOrders.list"}. */
  Map<String, Operation<C>> operations();

  /** Provider error table: HTTP status or provider code to retry action and category. */
  default ErrorClassifier errors() {
    return ErrorClassifier.HTTP_DEFAULT;
  }

  /** Ends the connection's provider session, if the provider has one. Must not fail the stop. */
  default Completable disconnect(C connection) {
    return Completable.complete();
  }
}
