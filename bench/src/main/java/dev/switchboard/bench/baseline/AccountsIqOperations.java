package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * {@code customers.get}: SOAP {@code GetCustomer(token, customerCode)} on the 1.1 endpoint. An
 * answer with {@code HasExpired=true} (or an ErrorCode naming an expired token) gets one new login
 * and one replay. No other retries.
 */
final class AccountsIqOperations implements ProviderOperations {
  private final SoapClient soap;
  private final AccountsIqSessions sessions;

  AccountsIqOperations(SoapClient soap, AccountsIqSessions sessions) {
    this.soap = soap;
    this.sessions = sessions;
  }

  @Override
  public CompletableFuture<Void> start(Command c, ResultPublisher out) {
    if (!sessions.knows(c.connection())) {
      throw new CommandFailure("INVALID_COMMAND", "unknown connection " + c.connection());
    }
    if (!"customers.get".equals(c.operation())) {
      throw new CommandFailure("INVALID_COMMAND", "unknown operation " + c.operation());
    }
    String code = c.param("customerCode");
    if (code == null) {
      throw new CommandFailure("INVALID_COMMAND", "customers.get needs params.customerCode");
    }
    String conn = c.connection();
    String token = sessions.token(conn);
    return getCustomer(token, code)
        .thenCompose(
            r ->
                !expired(r)
                    ? CompletableFuture.completedFuture(r)
                    : getCustomer(sessions.renew(conn, token), code))
        .thenCompose(
            r -> {
              if (expired(r)) {
                throw new CommandFailure("AUTH", "GetCustomer: token expired right after a login");
              }
              if (!"Success".equals(r.path("Status").asText())) {
                String error = r.path("ErrorCode").asText("");
                throw new CommandFailure(
                    error.endsWith("DOES_NOT_EXIST") || error.equals("NOT_FOUND")
                        ? "PROVIDER_NOT_FOUND"
                        : "PROVIDER_ERROR",
                    "GetCustomer answered " + error);
              }
              return out.completed(c, r.path("Result"));
            });
  }

  /** The {@code GetCustomerResult} element; an HTTP error (a SOAP fault) fails the command. */
  private CompletableFuture<JsonNode> getCustomer(String token, String code) {
    return soap.call("GetCustomer", "token", token, "customerCode", code)
        .thenApply(
            a -> {
              if (a.httpStatus() != 200) {
                throw CommandFailure.httpStatus("GetCustomer", a.httpStatus());
              }
              return a.body().path("GetCustomerResult");
            });
  }

  private static boolean expired(JsonNode result) {
    return result.path("HasExpired").asText().equals("true")
        || result.path("ErrorCode").asText().contains("EXPIRED");
  }
}
