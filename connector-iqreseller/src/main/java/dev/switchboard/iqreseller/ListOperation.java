package dev.switchboard.iqreseller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.paging.PageNumberPaginator;
import dev.switchboard.paging.Paging;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Flowable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A list read: a bare JSON array, either paged with {@code Page}/{@code PageSize}-style query
 * parameters (stop on a short page, §2.5) or returned whole. Command params named in {@code
 * queryParams} are passed as query parameters under the provider's name.
 */
final class ListOperation implements Operation<IqResellerClient> {
  /** IQ Reseller has no next link; a provider that never returns a short page is cut here. */
  static final int MAX_PAGES = 100_000;

  private final OperationSpec spec;
  private final String path;
  private final String pageParam;
  private final String sizeParam;
  private final Map<String, String> queryParams;
  private final Map<String, String> fixedQuery;

  private ListOperation(
      OperationSpec spec,
      String path,
      String pageParam,
      String sizeParam,
      Map<String, String> queryParams,
      Map<String, String> fixedQuery) {
    this.spec = spec;
    this.path = path;
    this.pageParam = pageParam;
    this.sizeParam = sizeParam;
    this.queryParams = queryParams;
    this.fixedQuery = fixedQuery;
  }

  /** A paged list; {@code fixedQuery} is sent on every page (e.g. {@code SortBy=0}). */
  static ListOperation paged(
      String name,
      String description,
      String path,
      String pageParam,
      String sizeParam,
      Map<String, String> fixedQuery) {
    Schema params =
        Schema.builder()
            .integer(
                "pageSize",
                1,
                100_000,
                null,
                "records per page; capped at the connection's " + "maxPageSize (default 2000)")
            .bool(
                "raw",
                false,
                "pass provider records through untouched (no trimming, no date " + "conversion)")
            .build();
    return new ListOperation(
        OperationSpec.stream(name, description, params),
        path,
        pageParam,
        sizeParam,
        Map.of(),
        fixedQuery);
  }

  /** An unpaged list; {@code required} maps a required command param to its query name. */
  static ListOperation whole(
      String name, String description, String path, Map<String, String> required) {
    Schema.Builder b = Schema.builder();
    required
        .keySet()
        .forEach(p -> b.requiredString(p, "sent as query parameter '" + required.get(p) + "'"));
    b.bool("raw", false, "pass provider records through untouched");
    return new ListOperation(
        OperationSpec.stream(name, description, b.build()), path, null, null, required, Map.of());
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public Flowable<JsonNode> execute(Invocation inv, IqResellerClient client) {
    boolean raw = inv.params().path("raw").asBoolean();
    Map<String, String> query = new LinkedHashMap<>(fixedQuery);
    queryParams.forEach((param, name) -> query.put(name, inv.params().path(param).asText()));
    Flowable<JsonNode> records;
    if (pageParam == null) {
      records = client.getRecords(path, query, inv, raw).flattenAsFlowable(a -> a);
    } else {
      int size =
          (int)
              Math.min(
                  inv.params().path("pageSize").asLong(client.maxPageSize()), client.maxPageSize());
      records =
          Paging.records(
              new PageNumberPaginator<JsonNode>(1, size),
              req -> {
                Map<String, String> q = new LinkedHashMap<>(query);
                q.put(pageParam, String.valueOf(req.page()));
                q.put(sizeParam, String.valueOf(req.size()));
                return client.getRecords(path, q, inv, raw);
              },
              page -> page,
              MAX_PAGES,
              inv::pageFetched);
    }
    return records;
  }
}
