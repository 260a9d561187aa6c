package dev.switchboard.bench.camel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.camel.Failures.CommandException;
import org.apache.camel.Exchange;
import org.apache.camel.model.ChoiceDefinition;

/** AccountsIQ: {@code customers.get} as SOAP 1.1 {@code GetCustomer} on the 1.1 endpoint, Login auth. */
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
    return router.when(exchangeProperty(Events.OPERATION).isEqualTo("customers.get"))
        .to("direct:accountsiq-customers-get");
  }

  @Override
  protected void providerRoutes() {
    from("direct:accountsiq-customers-get").routeId("accountsiq-customers-get")
        .process(ex -> ex.setProperty("customerCode", param(ex, "customerCode")))
        .to("direct:accountsiq-get-customer")
        .process(ex -> Events.completed(ex, ex.getMessage().getBody(JsonNode.class)))
        .to("direct:accountsiq-terminal");

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
