package dev.switchboard.launcher;

import dev.switchboard.runtime.Switchboard;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import java.util.Map;

/**
 * The providers and operations this CLI knows: the connectors on its class path, the same ones
 * {@code run} starts. Checking a name here fails a typo at once, before a client is made, so that
 * no topic named after the typo is ever created.
 */
final class ProviderCatalog {
  private final Map<String, ProviderConnector<?>> connectors;

  ProviderCatalog(Map<String, ProviderConnector<?>> connectors) {
    this.connectors = connectors;
  }

  static ProviderCatalog discover() {
    return new ProviderCatalog(Switchboard.discover());
  }

  Map<String, ProviderConnector<?>> all() {
    return connectors;
  }

  /** The provider, or a usage error naming the known ones. */
  ProviderConnector<?> provider(String id) {
    ProviderConnector<?> c = connectors.get(id);
    if (c == null) {
      throw CliException.usage(
          "unknown provider '"
              + id
              + "'; known providers: "
              + String.join(", ", connectors.keySet()));
    }
    return c;
  }

  /** The operation's spec, or a usage error naming the provider's operations. */
  OperationSpec operation(String providerId, String name) {
    var ops = provider(providerId).operations();
    var op = ops.get(name);
    if (op == null) {
      throw CliException.usage(
          "unknown operation '"
              + name
              + "' for "
              + providerId
              + "; its operations: "
              + String.join(", ", ops.keySet()));
    }
    return op.spec();
  }
}
