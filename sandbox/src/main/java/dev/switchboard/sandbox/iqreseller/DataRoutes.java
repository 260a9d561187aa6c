package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.iqreseller.DataReply.CountReply;
import dev.switchboard.sandbox.iqreseller.DataReply.ErrorReply;
import dev.switchboard.sandbox.iqreseller.DataReply.ListReply;
import dev.switchboard.sandbox.iqreseller.DataReply.SingleReply;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code webapi.svc} UriTemplates the simulator serves (provider-apis.md §2.3–2.4). Paths are
 * not uniform: most are {@code {Entity}/{FORMAT}/{Method}}, the count has no format segment. Only
 * evidenced or vendor-named endpoints are here; endpoints a client guessed are not.
 */
final class DataRoutes {
  /** The parsed request a data operation answers. */
  record DataCall(QueryParams query, IqResellerDataset data, IqResellerSettings settings) {}

  /** What a route answers. */
  interface Answer {
    DataReply apply(DataCall call) throws BadParam;
  }

  /** One UriTemplate; {@code formatted} if it has a {@code {FORMAT}} segment. */
  record Route(
      String entity, String method, boolean formatted, Set<HttpMethod> verbs, Answer answer) {
    /** Stats/log name, e.g. {@code SO/JSON/GetSOs}. */
    String name(WireFormat f) {
      return formatted ? entity + "/" + f + "/" + method : entity + "/" + method;
    }
  }

  record Match(Route route, WireFormat format) {}

  private static final Set<HttpMethod> GET = Set.of(HttpMethod.GET);

  static final List<Route> ROUTES =
      List.of(
          new Route("SO", "GetSOs", true, GET, DataRoutes::getSalesOrders),
          new Route(
              "Inventory",
              "GetInventories",
              true,
              GET,
              c -> new ListReply(c.data().inventories, page(c, c.data().inventories))),
          new Route(
              "Inventory",
              "GetInventoriesCount",
              false,
              GET,
              c -> new CountReply(c.data().inventories.size())),
          new Route("Inventory", "GetInventoriesByPOId", true, GET, DataRoutes::getInventoriesByPo),
          new Route(
              "MI",
              "GetItems",
              true,
              GET,
              c -> new ListReply(c.data().items, page(c, c.data().items))),
          new Route("MI", "GetItemByItemId", true, GET, DataRoutes::getItemByItemId),
          // The vendor page shows POST; one client's notes say GET. Accept both (§2.3).
          new Route(
              "CV",
              "GetCVs",
              true,
              Set.of(HttpMethod.GET, HttpMethod.POST),
              c -> new ListReply(c.data().cvs, page(c, c.data().cvs))),
          new Route(
              "Condition",
              "GetConditions",
              true,
              GET,
              c -> new ListReply(c.data().conditions, 0, c.data().conditions.size(), null)));

  private final boolean caseInsensitive;

  DataRoutes(IqResellerSettings settings) {
    this.caseInsensitive = settings.caseInsensitivePaths();
  }

  /** The route for a path below {@code webapi.svc/}, or null (404). */
  Match match(String subPath) {
    String[] seg = subPath.split("/", -1);
    for (Route r : ROUTES) {
      if (r.formatted()
          && seg.length == 3
          && same(r.entity(), seg[0])
          && same(r.method(), seg[2])) {
        WireFormat f = WireFormat.parse(seg[1]);
        if (f != null) return new Match(r, f);
      } else if (!r.formatted()
          && seg.length == 2
          && same(r.entity(), seg[0])
          && same(r.method(), seg[1])) {
        return new Match(r, WireFormat.XML);
      }
    }
    return null;
  }

  private boolean same(String literal, String segment) {
    return caseInsensitive
        ? literal.toLowerCase(Locale.ROOT).equals(segment.toLowerCase(Locale.ROOT))
        : literal.equals(segment);
  }

  private static PageWindow page(DataCall c, RecordCatalog list) throws BadParam {
    return PageWindow.of(c.query(), c.settings(), list.size());
  }

  private static DataReply getSalesOrders(DataCall c) throws BadParam {
    c.query().intParam("SortBy"); // every client sends 0; meaning unknown, so only validated
    return new ListReply(c.data().salesOrders, page(c, c.data().salesOrders));
  }

  /** Unpaged. An unknown or missing {@code poid} gives an empty array (ASSUMPTION). */
  private static DataReply getInventoriesByPo(DataCall c) throws BadParam {
    long[] range = c.data().inventories.rangeOfPo(c.query().longParam("poid"));
    return new ListReply(c.data().inventories, range[0], range[1], null);
  }

  /**
   * Bare object (LIKELY). Unknown id: 404 or JSON null, per {@code unknownItem404} (ASSUMPTION).
   */
  private static DataReply getItemByItemId(DataCall c) throws BadParam {
    long index = c.data().items.indexOf(c.query().longParam("ItemID"));
    if (index >= 0 || !c.settings().unknownItem404()) return new SingleReply(c.data().items, index);
    return new ErrorReply(404, "No item found with the given ItemID.");
  }
}
