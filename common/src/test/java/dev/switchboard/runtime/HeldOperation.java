package dev.switchboard.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An operation whose executions the test finishes: each waits, from its subscription, until its
 * {@code key} param is released. It keeps the keys it started and those cancelled.
 */
final class HeldOperation implements Operation<Object> {
  final List<String> started = new CopyOnWriteArrayList<>();
  final List<String> cancelled = new CopyOnWriteArrayList<>();
  private final OperationSpec spec;
  private final Map<String, CompletableFuture<JsonNode>> gates = new ConcurrentHashMap<>();

  HeldOperation(String name, boolean write) {
    spec =
        new OperationSpec(
            name,
            "held until the test releases it",
            OperationSpec.Kind.SINGLE,
            write,
            Schema.builder().requiredString("key", "which execution").build());
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation invocation, Object connection) {
    String key = invocation.params().path("key").asText();
    started.add(key);
    return Flowable.fromCompletionStage(gate(key)).doOnCancel(() -> cancelled.add(key));
  }

  /** Lets the execution of {@code key} answer (now, or at once when it starts). */
  void release(String key) {
    gate(key).complete(Json.object().put("key", key));
  }

  private CompletableFuture<JsonNode> gate(String key) {
    return gates.computeIfAbsent(key, k -> new CompletableFuture<>());
  }
}
