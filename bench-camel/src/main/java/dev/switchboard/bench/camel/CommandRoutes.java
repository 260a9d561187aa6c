package dev.switchboard.bench.camel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.camel.Failures.CommandException;
import dev.switchboard.bench.camel.Failures.SessionExpiredException;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.model.ChoiceDefinition;

/**
 * What both providers share: the Kafka consumer route with its content-based router on the
 * command's {@code operation}, the error handling that turns any failure into a {@code failed}
 * event, and the terminal step (publish, then commit the command's offset by hand).
 *
 * <p>Each operation route ends by sending its own terminal event to {@code direct:<p>-terminal}.
 * Failures inside an operation route are handled there (by the same onException clauses) and
 * failures before it (bad JSON, unknown operation or connection, refused login) in the consumer
 * route, so a command gets exactly one terminal event. If even the failed event cannot be
 * published, the exchange fails, nothing is committed and breakOnFirstError makes the consumer
 * read the command again.
 */
abstract class CommandRoutes extends RouteBuilder {
  protected final PeerSettings.Provider cfg;
  protected final String p;
  private final String brokers;
  private final String consumerOptions;
  protected TokenCache tokens;

  CommandRoutes(PeerSettings settings, PeerSettings.Provider cfg) {
    this.cfg = cfg;
    this.p = cfg.id();
    this.brokers = settings.bootstrap();
    // One KafkaConsumer (and thread) per partition; each handles one command at a time. Offsets
    // are committed by hand (synchronously, via KafkaManualCommit) after the terminal event.
    this.consumerOptions = "brokers=" + brokers + "&groupId=" + cfg.group()
        + "&consumersCount=" + settings.consumers()
        + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest&breakOnFirstError=true"
        // Shutdown suspends the consumers one after the other, each waiting for its poll to return.
        + "&pollTimeoutMs=1000";
  }

  /** Adds one {@code when} per operation to the router. */
  protected abstract ChoiceDefinition operations(ChoiceDefinition router);

  /** The provider's token cache (its login route is one of {@link #providerRoutes}). */
  protected abstract TokenCache tokenCache();

  /** The provider's login route and operation routes. */
  protected abstract void providerRoutes();

  @Override
  public void configure() {
    tokens = tokenCache();
    // A refused session/token: log in again once (onRedelivery) and replay the failed call. The
    // tiny async delay makes Camel redeliver on its own scheduler thread, off the Vert.x threads.
    onException(SessionExpiredException.class)
        .maximumRedeliveries(1).redeliveryDelay(1).asyncDelayedRedelivery()
        .onRedelivery(ex -> tokens.refresh(ex))
        .handled(true).process(Events::failed).to("direct:" + p + "-terminal");
    onException(Exception.class)
        .handled(true).process(Events::failed).to("direct:" + p + "-terminal");

    ChoiceDefinition router = from("kafka:" + cfg.commands() + "?" + consumerOptions).routeId(p + "-commands")
        .process(this::accept)
        .setProperty(Events.TOKEN, method(tokens, "token(${exchangeProperty.connection})"))
        .choice();
    operations(router)
        .otherwise().process(ex -> {
          throw new CommandException("INVALID_COMMAND", "unknown operation " + ex.getProperty(Events.OPERATION));
        })
        .end();

    // The terminal event is in the body: publish it, then commit. Errors go back to the caller.
    from("direct:" + p + "-terminal").routeId(p + "-terminal").errorHandler(noErrorHandler())
        .to("direct:" + p + "-publish")
        .doTry()
            .process(ex -> ex.getProperty(Events.MANUAL_COMMIT, KafkaManualCommit.class).commit())
        .doCatch(Exception.class)
            // The event is out; a lost commit (e.g. during a rebalance) only means the command may
            // run again, which at-least-once allows. It must not turn into a second, failed event.
            .log(LoggingLevel.WARN, "commit after ${exchangeProperty.commandId} failed: ${exception.message}")
        .end();

    // One Kafka producer per provider. The body is one event, or a List of Messages (one record
    // each, keyed by their own kafka.KEY header) that camel-kafka sends as a batch and
    // acknowledges as a whole.
    from("direct:" + p + "-publish").routeId(p + "-publish").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .setHeader(KafkaConstants.KEY, exchangeProperty(Events.COMMAND_ID))
        .setHeader("switchboard_type", exchangeProperty(Events.EVENT_TYPE))
        .setHeader("kafka_correlationId", exchangeProperty(Events.CORRELATION_ID))
        .to("kafka:" + cfg.results() + "?brokers=" + brokers);
    providerRoutes();
  }

  /** Moves what the command needs into exchange properties and drops the Kafka headers. */
  private void accept(Exchange ex) {
    var in = ex.getMessage();
    ex.setProperty(Events.STARTED, System.nanoTime());
    ex.setProperty(Events.MANUAL_COMMIT, in.getHeader(KafkaConstants.MANUAL_COMMIT));
    ex.setProperty(Events.CORRELATION_ID, in.getHeader("kafka_correlationId"));
    Object key = in.getHeader(KafkaConstants.KEY);
    ex.setProperty(Events.COMMAND_ID, key != null ? key.toString()
        : in.getHeader(KafkaConstants.PARTITION) + "-" + in.getHeader(KafkaConstants.OFFSET));
    String body = in.getBody(String.class);
    in.removeHeaders("*");
    JsonNode cmd;
    try {
      cmd = body == null ? null : Events.JSON.readTree(body);
    } catch (IOException e) {
      throw new CommandException("INVALID_COMMAND", "the command is not JSON");
    }
    if (cmd == null || !cmd.isObject() || !cmd.path("id").isTextual()) {
      throw new CommandException("INVALID_COMMAND", "the command is not an object with an id");
    }
    ex.setProperty(Events.COMMAND_ID, cmd.get("id").asText());
    if (!cmd.path("operation").isTextual() || !cmd.path("connection").isTextual()) {
      throw new CommandException("INVALID_COMMAND", "operation and connection are required strings");
    }
    ex.setProperty(Events.OPERATION, cmd.get("operation").asText());
    ex.setProperty(Events.CONNECTION, cmd.get("connection").asText());
    ex.setProperty(Events.PARAMS, cmd.path("params").isObject() ? cmd.get("params") : Events.JSON.createObjectNode());
  }

  /** A required text parameter of the command. */
  static String param(Exchange ex, String name) {
    JsonNode v = ex.getProperty(Events.PARAMS, JsonNode.class).get(name);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new CommandException("INVALID_PARAMS", "params." + name + " is required");
    }
    return v.asText();
  }
}
