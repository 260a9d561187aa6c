package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import dev.switchboard.paging.Paginator;
import dev.switchboard.paging.Paging;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.List;

/**
 * Skip/Limit paging (provider-apis.md §1.7): {@code GetInvoicesBy} returns at most 1,000 rows a
 * call and takes a Limit; {@code GetTransactionsBy} at most 10,000 and takes none. Each page asks
 * {@code Skip = rows so far}; a page shorter than the cap ends the stream. The command's {@code
 * query} object is passed through, with Skip (and Limit) set by the paging.
 */
final class QueryOperation implements Operation<AccountsIqClient> {
  private final OperationSpec spec;
  private final String soapOperation;
  private final int cap;
  private final boolean sendsLimit;

  QueryOperation(
      String name, String description, String soapOperation, int cap, boolean sendsLimit) {
    this.spec =
        OperationSpec.stream(
            name,
            description,
            Schema.builder()
                .field(
                    new Schema.Field(
                        "query",
                        Schema.Type.OBJECT,
                        true,
                        null,
                        null,
                        null,
                        "the provider's query object (dates as xs:dateTime, filters as arrays)"))
                .build());
    this.soapOperation = soapOperation;
    this.cap = cap;
    this.sendsLimit = sendsLimit;
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccountsIqClient client) {
    ObjectNode query = (ObjectNode) inv.params().get("query");
    Paginator<Integer, List<JsonNode>> bySkip =
        new Paginator<>() {
          @Override
          public Integer first() {
            return 0;
          }

          @Override
          public Integer next(Integer skip, List<JsonNode> page) {
            return page.size() < cap ? null : skip + page.size();
          }
        };
    return Paging.records(
        bySkip,
        skip -> {
          ObjectNode q = query.deepCopy();
          q.remove(List.of("Skip", "Limit"));
          q.put("Skip", skip);
          if (sendsLimit) {
            q.put("Limit", cap);
          }
          ObjectNode fields = Json.object();
          fields.set("query", q);
          return client
              .call(soapOperation, fields, ResultShape.LIST, true, inv)
              .map(AccountsIqClient.Answer::records);
        },
        page -> page,
        100_000,
        inv::pageFetched);
  }
}
