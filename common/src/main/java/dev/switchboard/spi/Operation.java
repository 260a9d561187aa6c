package dev.switchboard.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider operation.
 *
 * @param <C> the connector's per-connection client
 */
public interface Operation<C> {

  /**
   * A connector's {@link ProviderConnector#operations()}: by name, in the order given.
   *
   * @throws IllegalArgumentException when two operations have the same name
   */
  static <C> Map<String, Operation<C>> byName(List<? extends Operation<C>> operations) {
    Map<String, Operation<C>> byName = new LinkedHashMap<>();
    for (Operation<C> op : operations) {
      if (byName.putIfAbsent(op.spec().name(), op) != null) {
        throw new IllegalArgumentException("operation " + op.spec().name() + " declared twice");
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /** What the operation is: params schema, single or streamed, read or write. */
  OperationSpec spec();

  /**
   * Returns a cold, demand-driven stream of result records. Nothing may happen before subscription;
   * the runtime requests records only as Kafka acknowledges earlier ones, so a paged implementation
   * must fetch a page only when its records are requested (see {@code
   * dev.switchboard.paging.Paging}).
   *
   * <p>For {@link OperationSpec.Kind#SINGLE} operations the stream emits exactly one item, which
   * becomes the {@code data} of the {@code completed} event. An empty stream is a valid empty
   * result for {@link OperationSpec.Kind#STREAM}.
   *
   * <p>Errors: signal a {@link dev.switchboard.error.SwitchboardException} for a contract error;
   * anything else is reported as {@code INTERNAL}.
   *
   * @param invocation the validated command (params already checked and defaulted) and its stats
   * @param connection the connection the command names
   */
  Flowable<JsonNode> execute(Invocation invocation, C connection);

  /**
   * How to answer a write whose execution started but never finished (the instance crashed, or lost
   * the partition, between the ledger's <em>started</em> record and the outcome): the runtime calls
   * this instead of {@link #execute} when the command is delivered again. Return a look-up that
   * tells what the provider has (e.g. AccountsIQ finds the record by its external reference) and
   * becomes the command's answer. Empty (the default): the provider cannot tell, and the runtime
   * answers {@code failed} {@code WRITE_IN_DOUBT} rather than send the write a second time. Only
   * called for operations whose spec is a write.
   */
  default Optional<Flowable<JsonNode>> recover(Invocation invocation, C connection) {
    return Optional.empty();
  }
}
