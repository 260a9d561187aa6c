package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.paging.LinkPaginator;
import dev.switchboard.paging.Paging;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Map;

/**
 * A paginated JSON list: 100 items a page, {@code Link} header (and {@code links} body field) with
 * {@code rel="next"} followed even past empty pages (vendor doc, "Paginated requests").
 */
final class ListOperation implements Operation<AccengageClient> {
  private record Page(String link, JsonNode body) {}

  private final OperationSpec spec;
  private final String template;
  private final String itemsField;

  ListOperation(
      String name, String description, String template, String itemsField, Schema params) {
    this.spec = OperationSpec.stream(name, description, params);
    this.template = template;
    this.itemsField = itemsField;
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccengageClient client) {
    var first = Routes.uri(client, template, inv.params(), Map.of());
    LinkPaginator<Page> pages =
        new LinkPaginator<>(first, client.base(), Page::link, p -> p.body().get("links"));
    return Paging.records(
        pages,
        uri ->
            client
                .get(spec.name(), uri, inv)
                .map(r -> new Page(AccengageClient.links(r), client.json(spec.name(), r.body()))),
        p -> Routes.items(p.body(), itemsField),
        client.maxPages(),
        inv::pageFetched);
  }
}
