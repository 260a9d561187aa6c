package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.message.CommandBounds;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Map;

/**
 * A write: {@code POST} of the command param {@code bodyParam} as the JSON body. Never retried on
 * an unknown outcome (timeout, 5xx): only when Accengage refused it outright (429, expired token),
 * so a push is not sent twice by the connector.
 */
final class PostOperation implements Operation<AccengageClient> {
  private final OperationSpec spec;
  private final String template;
  private final String bodyParam;

  PostOperation(String name, String description, String template, String bodyParam, Schema params) {
    this.spec = new OperationSpec(name, description, OperationSpec.Kind.SINGLE, true, params);
    this.template = template;
    this.bodyParam = bodyParam;
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccengageClient client) {
    return Flowable.defer(
        () -> {
          // Before any call: a body that breaks the command bounds (e.g. "badge": 1e100000, whose
          // plain notation is 100,001 digits) is refused as INVALID_PARAMS, never rendered.
          CommandBounds.requireWritable(
              "accengage " + spec.name(), inv.params().get(bodyParam), "/" + bodyParam);
          return client
              .post(
                  spec.name(),
                  Routes.uri(client, template, inv.params(), Map.of()),
                  inv.params().get(bodyParam),
                  inv)
              .toFlowable();
        });
  }
}
