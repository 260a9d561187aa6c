package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;

/**
 * Create or update an account (customer, supplier) with the {@code create} flag. With {@code
 * create=true} the caller's fields go over {@code GetNew…FromDefaults} (the vendor's workflow,
 * §1.6); an update sends the record as last read, {@code RowVersionNumber} included, so a
 * concurrent change is a {@code CONFLICT}, never a silent overwrite. Not retried blindly.
 */
final class SaveOperation implements Operation<AccountsIqClient> {
  private final OperationSpec spec;
  private final String entity;
  private final String defaultsOp;
  private final String saveOp;
  private final ResultShape shape;

  SaveOperation(String name, String entity, String defaultsOp, String saveOp, ResultShape shape) {
    this.spec =
        new OperationSpec(
            name,
            "create or update a " + entity + " (" + saveOp + ")",
            OperationSpec.Kind.SINGLE,
            true,
            Schema.builder()
                .field(
                    new Schema.Field(
                        entity,
                        Schema.Type.OBJECT,
                        true,
                        null,
                        null,
                        null,
                        "the " + entity + "'s fields; Code is mandatory and upper case"))
                .bool("create", true, "create it if the code does not exist")
                .build());
    this.entity = entity;
    this.defaultsOp = defaultsOp;
    this.saveOp = saveOp;
    this.shape = shape;
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccountsIqClient client) {
    ObjectNode given = (ObjectNode) inv.params().get(entity);
    boolean create = inv.params().path("create").asBoolean();
    Single<ObjectNode> record =
        !create || defaultsOp == null
            ? Single.just(given.deepCopy())
            : client
                .call(defaultsOp, Json.object(), ResultShape.OBJECT, true, inv)
                .map(
                    d -> {
                      ObjectNode merged =
                          d.first().isObject() ? (ObjectNode) d.first() : Json.object();
                      given.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                      return merged;
                    });
    return record
        .flatMap(
            r -> {
              ObjectNode fields = Json.object();
              fields.set(entity, r);
              fields.put("create", create);
              return client.call(saveOp, fields, shape, false, inv);
            })
        .map(
            a -> {
              ObjectNode out = Json.object().put("code", given.path("Code").asText());
              if (!a.records().isEmpty()) {
                out.set("result", a.first());
              }
              return (JsonNode) out;
            })
        .toFlowable();
  }
}
