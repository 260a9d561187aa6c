package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.switchboard.json.Json;
import dev.switchboard.spi.ConnectionConfig;
import dev.switchboard.spi.ConnectorContext;
import dev.switchboard.spi.Invocation;
import dev.switchboard.spi.Operation;
import dev.switchboard.spi.OperationSpec;
import dev.switchboard.spi.ProviderConnector;
import dev.switchboard.spi.Schema;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.Map;
import java.util.stream.Stream;

/**
 * AccountsIQ (accounting, system of record): SOAP 1.1 against a versioned endpoint ({@code
 * integration_1_1.asmx} with Login session tokens, {@code integration_2_0.asmx} with
 * integration-app tokens), lists streamed as parsed, creates made exactly once by
 * ExternalReference. Facts: shared/docs/provider-apis.md §1.
 */
@AutoService(ProviderConnector.class)
public final class AccountsIqConnector implements ProviderConnector<AccountsIqClient> {
  private static final Schema LOGIN =
      Schema.builder()
          .requiredString("kind", "login")
          .requiredString("companyId", "the entity")
          .secret("partnerKey", "integrator key")
          .secret("userKey", "user key")
          .build();
  private static final Schema APP =
      Schema.builder()
          .requiredString("kind", "app")
          .requiredString("entity", "entity the app acts on")
          .requiredString("clientId", "app id")
          .secret("clientSecret", "app secret")
          .build();
  private static final Schema CONFIG =
      Schema.builder()
          .requiredString(
              "endpoint",
              "https://{region}.accountsiq.com/system/dashboard/integration/"
                  + "integration_1_1.asmx or …/integration_2_0.asmx")
          .oneOf(
              "auth",
              "kind",
              Map.of("login", LOGIN, "app", APP),
              "login (1.1): {kind: login, "
                  + "companyId, partnerKey, userKey}; integration app (2.0): {kind: app, entity, "
                  + "clientId, clientSecret}")
          .requestTimeout("120s")
          .duration(
              "tokenLifetime",
              "20m",
              "1.1 session token lifetime (renewed at 90%: 2 minutes " + "early for 20m)")
          .build();

  private static final Map<String, Operation<AccountsIqClient>> OPERATIONS =
      Operation.byName(
          Stream.of(
                  ListOperation.plain(
                      "customers.list", "every customer (GetCustomerList)", "GetCustomerList"),
                  ListOperation.plain(
                      "customers.listActive",
                      "active customers (GetActiveCustomerList)",
                      "GetActiveCustomerList"),
                  new GetOperation(
                      "customers.get",
                      "one customer (GetCustomer)",
                      "GetCustomer",
                      "customerCode",
                      "customerCode"),
                  new ListOperation(
                      "customers.changedSince",
                      "customers modified since a UTC time " + "(GetCustomersBy)",
                      "GetCustomersBy",
                      Schema.builder()
                          .requiredString("since", "xs:dateTime, e.g. 2026-11-01T00:00:00")
                          .build(),
                      p -> {
                        var q = Json.object();
                        q.putObject("query")
                            .put("FromLastModifiedDateInUTC", p.path("since").asText());
                        return q;
                      }),
                  new SaveOperation(
                      "customers.save",
                      "customer",
                      "GetNewCustomerFromDefaults",
                      "UpdateCustomerGetbackCustomerCode",
                      ResultShape.SCALAR),
                  ListOperation.plain(
                      "suppliers.list", "every supplier (GetSupplierList)", "GetSupplierList"),
                  new GetOperation(
                      "suppliers.get",
                      "one supplier (GetSupplier)",
                      "GetSupplier",
                      "supplierCode",
                      "supplierCode"),
                  new SaveOperation(
                      "suppliers.save", "supplier", null, "UpdateSupplier", ResultShape.SCALAR),
                  ListOperation.plain(
                      "chartOfAccounts.list",
                      "the chart of accounts (GetChartOfAccounts)",
                      "GetChartOfAccounts"),
                  ListOperation.plain(
                      "stockItems.list", "every stock item (GetStockItemList)", "GetStockItemList"),
                  new GetOperation(
                      "stockItems.get",
                      "one stock item (GetStockItem)",
                      "GetStockItem",
                      "stockItemId",
                      "stockItemID"),
                  new InvoiceCreateOperation(),
                  new TransactionCreateOperation(
                      "batchSalesInvoices.create",
                      "create a batch sales invoice "
                          + "(GL lines, posted at once), exactly once per externalReference",
                      "CreateBatchSalesInvoiceGetBackTransactionID",
                      "inv",
                      "ExternalReference"),
                  new TransactionCreateOperation(
                      "salesReceipts.create",
                      "record a customer payment, exactly "
                          + "once per externalReference (sent as CheckReference)",
                      "SaveSalesReceiptGetBackTransactionID",
                      "salesReceipt",
                      "CheckReference"),
                  new QueryOperation(
                      "invoices.query",
                      "invoices by dates and filters (GetInvoicesBy)",
                      "GetInvoicesBy",
                      1_000,
                      true),
                  new QueryOperation(
                      "transactions.query",
                      "transactions by dates and filters " + "(GetTransactionsBy)",
                      "GetTransactionsBy",
                      10_000,
                      false))
              .map(AccountsIqConnector::checked)
              .toList());

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
    return Single.fromCallable(
        () -> {
          String endpoint = config.string("endpoint");
          var http =
              ctx.vertx()
                  .createHttpClient(
                      new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0),
                      new PoolOptions().setHttp1MaxSize(16));
          SoapTransport transport = new SoapTransport(http, ctx.http());
          ConnectionConfig auth = config.object("auth");
          var tokens =
              auth.string("kind").equals("app")
                  ? AccountsIqAuth.app(
                      transport,
                      ctx,
                      endpoint,
                      auth.string("entity"),
                      auth.string("clientId"),
                      auth.secret("clientSecret"))
                  : AccountsIqAuth.login(
                      transport,
                      ctx,
                      endpoint,
                      auth.string("companyId"),
                      auth.secret("partnerKey"),
                      auth.secret("userKey"),
                      config.duration("tokenLifetime"));
          return new AccountsIqClient(transport, tokens, ctx.http(), http, endpoint);
        });
  }

  @Override
  public Map<String, Operation<AccountsIqClient>> operations() {
    return OPERATIONS;
  }

  @Override
  public Completable disconnect(AccountsIqClient client) {
    return client.close(); // AccountsIQ has no logout; the tokens simply expire
  }

  /**
   * Refuses params AccountsIQ could not carry (see {@link SoapRequest#check}) before the operation
   * makes any call, a login or a lookup included: {@code INVALID_PARAMS}, category {@code
   * INVALID_COMMAND}, as the stream's error. {@link SoapRequest#envelope} checks again what it
   * writes, values merged in from the provider's own templates included.
   */
  private static Operation<AccountsIqClient> checked(Operation<AccountsIqClient> op) {
    return new Operation<>() {
      @Override
      public OperationSpec spec() {
        return op.spec();
      }

      @Override
      public Flowable<JsonNode> execute(Invocation inv, AccountsIqClient client) {
        return Flowable.defer(
            () -> {
              SoapRequest.check("accountsiq " + op.spec().name(), inv.params());
              return op.execute(inv, client);
            });
      }

      // Every SPI method is forwarded: a wrapper that kept only execute() hid the creates'
      // look-up, so a create caught mid-call by a crash ended WRITE_IN_DOUBT (AccountsIqCrashIT).
      @Override
      public java.util.Optional<Flowable<JsonNode>> recover(
          Invocation inv, AccountsIqClient client) {
        return op.recover(inv, client)
            .map(
                lookUp ->
                    Flowable.defer(
                        () -> {
                          SoapRequest.check("accountsiq " + op.spec().name(), inv.params());
                          return lookUp;
                        }));
      }
    };
  }
}
