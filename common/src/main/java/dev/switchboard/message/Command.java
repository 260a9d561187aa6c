package dev.switchboard.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A command of message contract v1, as read from {@code <prefix>.<provider>.commands}.
 *
 * @param id the caller's idempotency key; results are keyed by it
 * @param operation the operation name, e.g. {@code salesOrders.list}
 * @param connection the configured account to act for; credentials never travel in messages
 * @param params operation parameters, validated against the operation's declared schema
 * @param replyTo topic for the results, or null for the provider's results topic
 * @param deadline instant after which the command fails instead of starting or retrying, or null
 * @param reuseOutcome when this id already finished (its outcome is in the ledger), answer with the
 *     recorded outcome instead of running again. Writes always do; reads run again unless this is
 *     true
 */
public record Command(
    String id,
    String operation,
    String connection,
    ObjectNode params,
    String replyTo,
    Instant deadline,
    boolean reuseOutcome) {

  /** A command that runs again when replayed, unless it is a write. */
  public Command(
      String id,
      String operation,
      String connection,
      ObjectNode params,
      String replyTo,
      Instant deadline) {
    this(id, operation, connection, params, replyTo, deadline, false);
  }
}
