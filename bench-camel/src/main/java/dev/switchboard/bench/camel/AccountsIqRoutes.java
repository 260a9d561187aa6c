package dev.switchboard.bench.camel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.camel.Failures.CommandException;
import org.apache.camel.Exchange;
import org.apache.camel.model.ChoiceDefinition;

/**
 * AccountsIQ, SOAP 1.1 on the 1.1 endpoint, Login auth: {@code customers.get} as {@code GetCustomer};
 * {@code customers.list} as {@code GetCustomerList} (no paging: one answer with every customer),
 * split with a streaming Splitter over batches of record events read from the answer with StAX.
 */
final class AccountsIqRoutes extends CommandRoutes {
  private final String endpoint;

  AccountsIqRoutes(PeerSettings settings) {
    super(settings, settings.accountsiq());
    // Every SOAP call is a POST of text/xml; failures are read from the answer, not thrown.
    this.endpoint = "vertx-http:" + cfg.get("endpoint") + "?httpMethod=POST&throwExceptionOnFailure=false&timeout=60000";
  }

  @Override
  protected TokenCache tokenCache() {
    return new TokenCache(getContext(), "direct:accountsiq-login", cfg.connections(),
        cfg.getLong("tokenLifetimeMs", 1_200_000));
  }

  @Override
  protected ChoiceDefinition operations(ChoiceDefinition router) {
    return router
        .when(exchangeProperty(Events.OPERATION).isEqualTo("customers.get")).to("direct:accountsiq-customers-get")
        .when(exchangeProperty(Events.OPERATION).isEqualTo("customers.list")).to("direct:accountsiq-customers-list");
  }

  @Override
  protected void providerRoutes() {
    from("direct:accountsiq-customers-get").routeId("accountsiq-customers-get")
        .process(ex -> ex.setProperty("customerCode", param(ex, "customerCode")))
        .to("direct:accountsiq-get-customer")
        .process(ex -> Events.completed(ex, ex.getMessage().getBody(JsonNode.class)))
        .to("direct:accountsiq-terminal");

    // The answer's customers go out in batches of 1,000 record events (one List<Message> each, as
    // inventory.list's pages); the Splitter pulls the batches from the answer as it goes.
    from("direct:accountsiq-customers-list").routeId("accountsiq-customers-list")
        .to("direct:accountsiq-get-customer-list")
        .setProperty("customers", body())
        .split(exchangeProperty("customers")).streaming().stopOnException()
            .setProperty(Events.EVENT_TYPE, constant("record"))
            .to("direct:accountsiq-publish")
        .end()
        .process(ex -> {
          ex.setProperty(Events.RECORDS, ex.getProperty("customers", AccountsIqSoap.CustomerBatches.class).count());
          Events.completed(ex, null);
        })
        .to("direct:accountsiq-terminal");

    // The call, and the answer's outcome read up to its first customer: HasExpired makes the caller
    // redeliver the call with a fresh token, as for GetCustomer.
    from("direct:accountsiq-get-customer-list").routeId("accountsiq-get-customer-list").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .process(ex -> ex.getMessage().setBody(AccountsIqSoap.getCustomerList(ex.getProperty(Events.TOKEN, String.class))))
        .setHeader(Exchange.CONTENT_TYPE, constant("text/xml; charset=utf-8"))
        .setHeader("SOAPAction", constant(AccountsIqSoap.action("GetCustomerList")))
        .to(endpoint)
        .process(ex -> ex.getMessage().setBody(new AccountsIqSoap.CustomerBatches(ex, answer(ex, "GetCustomerList"), 1_000)));

    // Call and answer in one sub-route without its own error handler, so that a HasExpired answer
    // (thrown while reading it) makes the caller redeliver the whole call with a fresh token.
    from("direct:accountsiq-get-customer").routeId("accountsiq-get-customer").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .process(ex -> ex.getMessage().setBody(AccountsIqSoap.getCustomer(
            ex.getProperty(Events.TOKEN, String.class), ex.getProperty("customerCode", String.class))))
        .setHeader(Exchange.CONTENT_TYPE, constant("text/xml; charset=utf-8"))
        .setHeader("SOAPAction", constant(AccountsIqSoap.action("GetCustomer")))
        .to(endpoint)
        .process(ex -> {
          byte[] reply = answer(ex, "GetCustomer");
          ex.getMessage().setBody(AccountsIqSoap.customer(reply));
        });

    // Login(companyID, partnerKey, userKey) → LoginResult, the token; used by the TokenCache.
    from("direct:accountsiq-login").routeId("accountsiq-login").errorHandler(noErrorHandler())
        .removeHeaders("*")
        .process(ex -> {
          String c = ex.getProperty(Events.CONNECTION, String.class);
          ex.getMessage().setBody(AccountsIqSoap.login(cfg.connection(c, "companyId"),
              cfg.connection(c, "partnerKey"), cfg.connection(c, "userKey")));
        })
        .setHeader(Exchange.CONTENT_TYPE, constant("text/xml; charset=utf-8"))
        .setHeader("SOAPAction", constant(AccountsIqSoap.action("Login")))
        .to(endpoint)
        .process(ex -> {
          String token = AccountsIqSoap.loginToken(answer(ex, "Login"));
          if (token == null) {
            throw new CommandException("AUTH", "AccountsIQ refused the login");
          }
          ex.getMessage().setBody(token);
        });
  }

  /** The SOAP answer of a 200; a SOAP fault or any other status fails the command. */
  private static byte[] answer(Exchange ex, String operation) {
    int status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    ex.getMessage().removeHeaders("*");
    if (status != 200) {
      throw Failures.httpStatus(operation, status);
    }
    return ex.getMessage().getBody(byte[].class);
  }
}
