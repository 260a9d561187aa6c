package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Map;

/** A single-document read: {@code GET} of a route template, the JSON answer as the result. */
final class GetOperation implements Operation<AccengageClient> {
  private final OperationSpec spec;
  private final String template;

  GetOperation(String name, String description, String template, Schema params) {
    this.spec = OperationSpec.single(name, description, params);
    this.template = template;
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccengageClient client) {
    return client
        .getJson(spec.name(), Routes.uri(client, template, inv.params(), Map.of()), inv)
        .toFlowable();
  }
}
