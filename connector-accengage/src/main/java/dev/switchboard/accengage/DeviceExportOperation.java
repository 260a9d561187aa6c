package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.paging.LinkPaginator;
import dev.switchboard.paging.Paging;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/me/apps/{partnerId}/devices}: the device export, CSV pages chained by the {@code
 * Link} header only (CERTAIN from the public client, provider-apis.md §3.4), each row a record.
 * {@code lastOpen} keeps devices opened since that day.
 */
final class DeviceExportOperation implements Operation<AccengageClient> {
  private static final OperationSpec SPEC =
      OperationSpec.stream(
          "devices.export",
          "export the app's devices (CSV pages, one record per row)",
          Routes.appParams()
              .field(
                  new Schema.Field(
                      "lastOpen",
                      Schema.Type.STRING,
                      false,
                      null,
                      10L,
                      10L,
                      "YYYY-MM-DD: devices last opened on or after that day"))
              .build());

  private record Page(String link, String csv) {}

  @Override
  public OperationSpec spec() {
    return SPEC;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, AccengageClient client) {
    Map<String, String> query = new LinkedHashMap<>();
    if (inv.params().hasNonNull("lastOpen")) {
      query.put("lastOpen", inv.params().get("lastOpen").asText());
    }
    var first = Routes.uri(client, "/v1/me/apps/{partnerId}/devices", inv.params(), query);
    LinkPaginator<Page> pages = new LinkPaginator<>(first, client.base(), Page::link, p -> null);
    return Paging.records(
        pages,
        uri ->
            client
                .get("devices.export", uri, inv)
                .map(
                    r ->
                        new Page(
                            AccengageClient.links(r),
                            r.body() == null ? "" : r.body().toString(StandardCharsets.UTF_8))),
        p -> Csv.records(p.csv(), ';'),
        client.maxPages(),
        inv::pageFetched);
  }
}
