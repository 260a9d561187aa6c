package dev.switchboard.bench.camel;

import dev.switchboard.bench.camel.Failures.CommandException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Session tokens per connection, shared by every command of that connection. A login is a call
 * to a {@code direct:} login route through a ProducerTemplate, so it blocks the calling thread.
 * That is fine where this bean is used: at the start of the command route (a Kafka consumer
 * thread) and in the error handler's onRedelivery (a Camel redelivery thread) — never on a
 * Vert.x thread, where waiting for another Vert.x answer could deadlock.
 *
 * <p>{@link ConcurrentHashMap#compute} runs the login under the entry's lock, so commands of one
 * connection that miss the cache together wait for a single login instead of each logging in.
 */
public final class TokenCache {
  private record Token(String value, long refreshAtMillis) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final CamelContext camel;
  private final String loginRoute;
  private final List<String> connections;
  private final long lifetimeMs;
  private volatile ProducerTemplate template;

  /**
   * @param loginRoute a route that reads the exchange property {@code connection} and answers
   *     the token as its body
   * @param lifetimeMs how long the provider keeps a token; 0 if it does not say (IQ Reseller)
   */
  public TokenCache(CamelContext camel, String loginRoute, List<String> connections, long lifetimeMs) {
    this.camel = camel;
    this.loginRoute = loginRoute;
    this.connections = connections;
    this.lifetimeMs = lifetimeMs;
  }

  /** The cached token of a connection, logging in first if there is none or it is about to expire. */
  public String token(String connection) {
    if (!connections.contains(connection)) {
      throw new CommandException("UNKNOWN_CONNECTION", "no connection named " + connection);
    }
    return tokens.compute(connection, (c, t) -> t != null && fresh(t) ? t : login(c)).value;
  }

  /**
   * onRedelivery after the provider refused the token in the exchange: log in again, unless
   * another command already replaced that token, then put the new token on the exchange.
   */
  public void refresh(Exchange exchange) {
    String connection = exchange.getProperty(Events.CONNECTION, String.class);
    String stale = exchange.getProperty(Events.TOKEN, String.class);
    Token t = tokens.compute(connection,
        (c, cur) -> cur != null && !cur.value.equals(stale) && fresh(cur) ? cur : login(c));
    exchange.setProperty(Events.TOKEN, t.value);
  }

  private boolean fresh(Token t) {
    return System.currentTimeMillis() < t.refreshAtMillis;
  }

  private Token login(String connection) {
    Exchange answer = template().send(loginRoute, ex -> ex.setProperty(Events.CONNECTION, connection));
    if (answer.getException() != null) {
      throw answer.getException() instanceof RuntimeException r ? r : new IllegalStateException(answer.getException());
    }
    String token = answer.getMessage().getBody(String.class);
    // Renew a little before the provider's end of life (10 %, at most a minute) rather than
    // learn about it from a refused call.
    long refreshAt = lifetimeMs <= 0 ? Long.MAX_VALUE
        : System.currentTimeMillis() + lifetimeMs - Math.min(lifetimeMs / 10, 60_000);
    return new Token(token, refreshAt);
  }

  private ProducerTemplate template() {
    if (template == null) {
      synchronized (this) {
        if (template == null) {
          template = camel.createProducerTemplate();
        }
      }
    }
    return template;
  }
}
