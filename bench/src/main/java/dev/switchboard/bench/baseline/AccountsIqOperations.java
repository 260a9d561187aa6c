package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@code customers.get}: SOAP {@code GetCustomer(token, customerCode)} on the 1.1 endpoint. {@code
 * customers.list}: SOAP {@code GetCustomerList(token)}, which has no paging: the one answer is read
 * as a stream (StAX over the response body, on a thread of its own) and each {@code Customer} is
 * handed to the producer as soon as it is parsed. An answer with {@code HasExpired=true} (or an
 * ErrorCode naming an expired token) gets one new login and one replay. No other retries.
 */
final class AccountsIqOperations implements ProviderOperations {
  private static final int ACK_BATCH = 1_000;

  private final SoapClient soap;
  private final AccountsIqSessions sessions;

  /** Threads that read whole-list answers (blocking reads; the consumer thread must not wait). */
  private final ExecutorService lists =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "baseline-accountsiq-list");
            t.setDaemon(true);
            return t;
          });

  AccountsIqOperations(SoapClient soap, AccountsIqSessions sessions) {
    this.soap = soap;
    this.sessions = sessions;
  }

  @Override
  public CompletableFuture<Void> start(Command c, ResultPublisher out) {
    if (!sessions.knows(c.connection())) {
      throw new CommandFailure("INVALID_COMMAND", "unknown connection " + c.connection());
    }
    if ("customers.list".equals(c.operation())) {
      return CompletableFuture.supplyAsync(() -> listCustomers(c, out), lists).thenCompose(f -> f);
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

  /**
   * Blocking: the future of the {@code completed} event, sent once every record is acknowledged.
   */
  private CompletableFuture<Void> listCustomers(Command c, ResultPublisher out) {
    String token = sessions.token(c.connection());
    CompletableFuture<Void> done = streamCustomers(c, out, token);
    if (done == null) {
      done = streamCustomers(c, out, sessions.renew(c.connection(), token));
    }
    if (done == null) {
      throw new CommandFailure("AUTH", "GetCustomerList: token expired right after a login");
    }
    return done;
  }

  /**
   * One {@code GetCustomerList} call, read as it arrives: {@code
   * Body/GetCustomerListResponse/GetCustomerListResult/{Status, ErrorCode, HasExpired, Result}},
   * each child of {@code Result} one record event. Null when the answer says the token expired
   * (that comes before any record).
   */
  private CompletableFuture<Void> streamCustomers(Command c, ResultPublisher out, String token) {
    HttpResponse<InputStream> res;
    try {
      res = soap.stream("GetCustomerList", "token", token);
    } catch (IOException e) {
      throw CommandFailure.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("INTERNAL", "interrupted");
    }
    try (InputStream in = res.body()) {
      if (res.statusCode() != 200) {
        throw CommandFailure.httpStatus("GetCustomerList", res.statusCode());
      }
      XMLStreamReader r = SoapClient.xml(in);
      String status = null;
      String error = "";
      long seq = 0;
      CompletableFuture<Void> acked = CompletableFuture.completedFuture(null);
      List<CompletableFuture<Void>> batch = new ArrayList<>(ACK_BATCH);
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (r.getLocalName()) {
          case "Status" -> status = r.getElementText();
          case "ErrorCode" -> error = r.getElementText();
          case "HasExpired" -> {
            if ("true".equals(r.getElementText())) {
              return null;
            }
          }
          case "Result" -> {
            if (!"Success".equals(status)) {
              break;
            }
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              batch.add(out.record(c, seq++, SoapClient.element(r)));
              if (batch.size() == ACK_BATCH) {
                acked = both(acked, batch);
                batch = new ArrayList<>(ACK_BATCH);
              }
            }
          }
          default -> {}
        }
      }
      if (error.contains("EXPIRED") && seq == 0) {
        return null;
      }
      if (!"Success".equals(status)) {
        throw new CommandFailure("PROVIDER_ERROR", "GetCustomerList answered " + error);
      }
      long total = seq;
      return both(acked, batch).thenCompose(v -> out.completed(c, total, 1));
    } catch (XMLStreamException e) {
      throw new CommandFailure("PROVIDER_BAD_RESPONSE", "GetCustomerList: the answer is not XML");
    } catch (IOException e) {
      throw CommandFailure.of(e);
    }
  }

  private static CompletableFuture<Void> both(
      CompletableFuture<Void> acked, List<CompletableFuture<Void>> batch) {
    return acked.thenCombine(
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)), (a, b) -> null);
  }
}
