package dev.switchboard.iqreseller;

import com.google.auto.service.AutoService;
import dev.switchboard.spi.ConnectionConfig;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.util.List;
import java.util.Map;

/**
 * IQ Reseller (ERP for IT resellers): REST on a WCF service, API key exchanged for a session token
 * sent as {@code iqr-session-token}, bare JSON arrays paged by page number. Facts and assumptions:
 * shared/docs/provider-apis.md §2.
 */
@AutoService(ProviderConnector.class)
public final class IqResellerConnector implements ProviderConnector<IqResellerClient> {
  private static final Schema CONFIG =
      Schema.builder()
          .secret("apiKey", "API key of the IQ Reseller API user")
          .string(
              "sessionUrl",
              "https://signin.iqreseller.com/api/IntegrationAPI/Session",
              "session endpoint (POST to open, DELETE to end)")
          .string("baseUrl", "https://api.iqreseller.com/webapi.svc/", "data API base URL")
          .integer("maxPageSize", 1, 100_000, 2000L, "largest page the provider returns")
          .requestTimeout("60s")
          .optionalDuration(
              "sessionRefresh",
              "renew the session proactively after this long "
                  + "(lifetime unpublished; default: only on 401)")
          .build();

  private static final Map<String, Operation<IqResellerClient>> OPERATIONS =
      Operation.byName(
          List.of(
              ListOperation.paged(
                  "salesOrders.list",
                  "sales orders with lines (SO/JSON/GetSOs)",
                  "SO/JSON/GetSOs",
                  "Page",
                  "PageSize",
                  Map.of("SortBy", "0")),
              ListOperation.paged(
                  "inventory.list",
                  "inventory units (Inventory/JSON/GetInventories)",
                  "Inventory/JSON/GetInventories",
                  "Page",
                  "PageSize",
                  Map.of()),
              new InventoryCountOperation(),
              ListOperation.whole(
                  "inventory.byPurchaseOrder",
                  "inventory units received on one purchase "
                      + "order (Inventory/JSON/GetInventoriesByPOId)",
                  "Inventory/JSON/GetInventoriesByPOId",
                  Map.of("purchaseOrderId", "poid")),
              ListOperation.paged(
                  "items.list",
                  "master items (MI/JSON/GetItems)",
                  "MI/JSON/GetItems",
                  "page",
                  "pagesize",
                  Map.of()),
              new ItemGetOperation(),
              ListOperation.paged(
                  "customersVendors.list",
                  "customers and vendors (CV/json/GetCVs)",
                  "CV/json/GetCVs",
                  "Page",
                  "PageSize",
                  Map.of()),
              ListOperation.whole(
                  "conditions.list",
                  "item conditions (Condition/JSON/GetConditions)",
                  "Condition/JSON/GetConditions",
                  Map.of())));

  @Override
  public String id() {
    return "iqreseller";
  }

  @Override
  public Schema configSpec() {
    return CONFIG;
  }

  @Override
  public Single<IqResellerClient> connect(ConnectionConfig config, ConnectorContext ctx) {
    return Single.fromCallable(
        () -> {
          IqResellerSession session =
              new IqResellerSession(
                  ctx,
                  config.string("sessionUrl"),
                  config.secret("apiKey"),
                  config.duration("sessionRefresh"));
          return new IqResellerClient(
              ctx.http(), session, config.string("baseUrl"), (int) config.integer("maxPageSize"));
        });
  }

  @Override
  public Map<String, Operation<IqResellerClient>> operations() {
    return OPERATIONS;
  }

  @Override
  public Completable disconnect(IqResellerClient client) {
    return client.close();
  }
}
