package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ConnectionConfig;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.spi.Schema;
import dev.switchboard.spi.Secret;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AccountsIQ (accounting, system of record): SOAP 1.1 against a versioned endpoint
 * ({@code integration_1_1.asmx} with Login session tokens, {@code integration_2_0.asmx} with
 * integration-app tokens), lists streamed as parsed, creates made exactly once by
 * ExternalReference. Facts: shared/docs/provider-apis.md §1.
 */
public final class AccountsIqConnector implements ProviderConnector<AccountsIqClient> {
  private static final Schema CONFIG = Schema.builder()
      .requiredString("endpoint", "https://{region}.accountsiq.com/system/dashboard/integration/"
          + "integration_1_1.asmx or …/integration_2_0.asmx")
      .field(new Schema.Field("auth", Schema.Type.OBJECT, true, null, null, null,
          "{kind: login, companyId, partnerKey, userKey} or {kind: app, entity, clientId, "
              + "clientSecret}"))
      .duration("requestTimeout", "120s", "timeout of one SOAP call without a byte")
      .duration("tokenLifetime", "20m", "1.1 session token lifetime (renewed at 90%: 2 minutes early for 20m)")
      .build();
  private static final Schema LOGIN = Schema.builder().requiredString("kind", "login")
      .requiredString("companyId", "the entity").secret("partnerKey", "integrator key")
      .secret("userKey", "user key").build();
  private static final Schema APP = Schema.builder().requiredString("kind", "app")
      .requiredString("entity", "entity the app acts on").requiredString("clientId", "app id")
      .secret("clientSecret", "app secret").build();

  private static final Map<String, Operation<AccountsIqClient>> OPERATIONS = index(List.of(
      ListOperation.plain("customers.list", "every customer (GetCustomerList)",
          "GetCustomerList"),
      ListOperation.plain("customers.listActive", "active customers (GetActiveCustomerList)",
          "GetActiveCustomerList"),
      new GetOperation("customers.get", "one customer (GetCustomer)", "GetCustomer",
          "customerCode", "customerCode"),
      new ListOperation("customers.changedSince", "customers modified since a UTC time "
          + "(GetCustomersBy)", "GetCustomersBy", Schema.builder().requiredString("since",
          "xs:dateTime, e.g. 2026-11-01T00:00:00").build(), p -> {
            var q = Json.object();
            q.putObject("query").put("FromLastModifiedDateInUTC", p.path("since").asText());
            return q;
          }),
      new SaveOperation("customers.save", "customer", "GetNewCustomerFromDefaults",
          "UpdateCustomerGetbackCustomerCode", ResultShape.SCALAR),
      ListOperation.plain("suppliers.list", "every supplier (GetSupplierList)",
          "GetSupplierList"),
      new GetOperation("suppliers.get", "one supplier (GetSupplier)", "GetSupplier",
          "supplierCode", "supplierCode"),
      new SaveOperation("suppliers.save", "supplier", null, "UpdateSupplier",
          ResultShape.SCALAR),
      ListOperation.plain("chartOfAccounts.list", "the chart of accounts (GetChartOfAccounts)",
          "GetChartOfAccounts"),
      ListOperation.plain("stockItems.list", "every stock item (GetStockItemList)",
          "GetStockItemList"),
      new GetOperation("stockItems.get", "one stock item (GetStockItem)", "GetStockItem",
          "stockItemId", "stockItemID"),
      new InvoiceCreateOperation(),
      new TransactionCreateOperation("batchSalesInvoices.create", "create a batch sales invoice "
          + "(GL lines, posted at once), exactly once per externalReference",
          "CreateBatchSalesInvoiceGetBackTransactionID", "inv", "ExternalReference"),
      new TransactionCreateOperation("salesReceipts.create", "record a customer payment, exactly "
          + "once per externalReference (sent as CheckReference)",
          "SaveSalesReceiptGetBackTransactionID", "salesReceipt", "CheckReference"),
      new QueryOperation("invoices.query", "invoices by dates and filters (GetInvoicesBy)",
          "GetInvoicesBy", 1_000, true),
      new QueryOperation("transactions.query", "transactions by dates and filters "
          + "(GetTransactionsBy)", "GetTransactionsBy", 10_000, false)));

  @Override
  public String id() {
    return "accountsiq";
  }

  @Override
  public Schema configSpec() {
    return CONFIG;
  }

  @Override
  public Single<AccountsIqClient> connect(ConnectionConfig config, ConnectorContext ctx) {
    return Single.fromCallable(() -> {
      String endpoint = config.string("endpoint");
      long timeout = config.duration("requestTimeout").toMillis();
      var http = ctx.vertx().createHttpClient(new HttpClientOptions().setKeepAlive(true)
          .setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(16));
      SoapTransport transport = new SoapTransport(http, timeout);
      JsonNode auth = config.values().get("auth");
      String kind = auth.path("kind").asText();
      if (!kind.equals("login") && !kind.equals("app")) {
        throw new IllegalArgumentException("connection " + config.name()
            + ": auth.kind must be 'login' (1.1) or 'app' (2.0)");
      }
      var tokens = kind.equals("app") ? app(transport, endpoint, auth, ctx, config.name())
          : login(transport, endpoint, auth, config, ctx);
      return new AccountsIqClient(transport, tokens, ctx.http(), http, endpoint);
    });
  }

  private static dev.switchboard.auth.TokenSource<SoapRequest.Credentials> login(SoapTransport t,
      String endpoint, JsonNode raw, ConnectionConfig config, ConnectorContext ctx) {
    var a = LOGIN.validate((com.fasterxml.jackson.databind.node.ObjectNode) raw);
    return AccountsIqAuth.login(t, ctx.http(), endpoint, a.get("companyId").asText(),
        new Secret(a.get("partnerKey").asText()), new Secret(a.get("userKey").asText()),
        config.duration("tokenLifetime"), ctx.clock(), ctx.metrics(), config.name());
  }

  private static dev.switchboard.auth.TokenSource<SoapRequest.Credentials> app(SoapTransport t,
      String endpoint, JsonNode raw, ConnectorContext ctx, String name) {
    var a = APP.validate((com.fasterxml.jackson.databind.node.ObjectNode) raw);
    return AccountsIqAuth.app(t, ctx.http(), endpoint, a.get("entity").asText(),
        a.get("clientId").asText(),
        new Secret(a.get("clientSecret").asText()), ctx.clock(), ctx.metrics(), name);
  }

  @Override
  public Map<String, Operation<AccountsIqClient>> operations() {
    return OPERATIONS;
  }

  @Override
  public Completable disconnect(AccountsIqClient client) {
    return client.close(); // AccountsIQ has no logout; the tokens simply expire
  }

  private static Map<String, Operation<AccountsIqClient>> index(
      List<Operation<AccountsIqClient>> ops) {
    Map<String, Operation<AccountsIqClient>> m = new LinkedHashMap<>();
    ops.forEach(o -> m.put(o.spec().name(), checked(o)));
    return Map.copyOf(m);
  }

  /**
   * Refuses params AccountsIQ could not carry (see {@link SoapRequest#check}) before the
   * operation makes any call, a login or a lookup included: {@code INVALID_PARAMS}, category
   * {@code INVALID_COMMAND}, as the stream's error. {@link SoapRequest#envelope} checks again what
   * it writes, values merged in from the provider's own templates included.
   */
  private static Operation<AccountsIqClient> checked(Operation<AccountsIqClient> op) {
    return new Operation<>() {
      @Override
      public OperationSpec spec() {
        return op.spec();
      }

      @Override
      public Flowable<JsonNode> execute(Invocation inv, AccountsIqClient client) {
        return Flowable.defer(() -> {
          SoapRequest.check("accountsiq " + op.spec().name(), inv.params());
          return op.execute(inv, client);
        });
      }

      // Every SPI method is forwarded: a wrapper that kept only execute() hid the creates'
      // look-up, so a create caught mid-call by a crash ended WRITE_IN_DOUBT (AccountsIqCrashIT).
      @Override
      public java.util.Optional<Flowable<JsonNode>> recover(Invocation inv,
          AccountsIqClient client) {
        return op.recover(inv, client).map(lookUp -> Flowable.defer(() -> {
          SoapRequest.check("accountsiq " + op.spec().name(), inv.params());
          return lookUp;
        }));
      }
    };
  }
}
