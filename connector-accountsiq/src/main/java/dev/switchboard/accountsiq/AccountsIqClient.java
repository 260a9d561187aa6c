package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.accountsiq.SoapResponseParser.Event;
import dev.switchboard.accountsiq.SoapResponseParser.Fault;
import dev.switchboard.accountsiq.SoapResponseParser.OutParam;
import dev.switchboard.accountsiq.SoapResponseParser.Outcome;
import dev.switchboard.accountsiq.SoapResponseParser.Record;
import dev.switchboard.auth.TokenSource;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.json.Json;
import dev.switchboard.spi.Invocation;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AccountsIQ for one connection: one versioned endpoint, one credential. Every call goes through
 * the token (re-authenticating once on {@code HasExpired} or a token code) and the runtime's retry;
 * lists are streamed record by record.
 */
final class AccountsIqClient {
  /** A whole (small) answer: its records and out-parameters. */
  record Answer(List<JsonNode> records, Map<String, JsonNode> out) {
    JsonNode first() {
      return records.isEmpty() ? Json.MAPPER.nullNode() : records.get(0);
    }
  }

  private final SoapTransport transport;
  private final TokenSource<SoapRequest.Credentials> tokens;
  private final ProviderHttp http;
  private final HttpClient httpClient;
  private final String endpoint;

  AccountsIqClient(
      SoapTransport transport,
      TokenSource<SoapRequest.Credentials> tokens,
      ProviderHttp http,
      HttpClient httpClient,
      String endpoint) {
    this.transport = transport;
    this.tokens = tokens;
    this.http = http;
    this.httpClient = httpClient;
    this.endpoint = endpoint;
  }

  /** Streams a list answer's records, on demand. */
  Flowable<JsonNode> list(String op, JsonNode fields, Invocation inv) {
    return http.retryingStream(
        tokens
            .withTokenStream(
                creds ->
                    checked(
                        op,
                        transport.exchange(
                            endpoint,
                            op,
                            SoapRequest.envelope(op, creds, fields, Map.of()),
                            ResultShape.LIST,
                            inv.trace())))
            .filter(e -> e instanceof Record)
            .map(e -> ((Record) e).value()),
        inv.deadline());
  }

  /**
   * One call whose answer is small, collected whole.
   *
   * @param idempotent false for writes: then an unknown outcome is never retried blindly
   */
  Single<Answer> call(
      String op, JsonNode fields, ResultShape shape, boolean idempotent, Invocation inv) {
    return http.retrying(
        tokens.withToken(
            creds ->
                collect(
                    op,
                    transport.exchange(
                        endpoint,
                        op,
                        SoapRequest.envelope(op, creds, fields, Map.of()),
                        shape,
                        inv.trace()))),
        idempotent,
        inv.deadline());
  }

  private Single<Answer> collect(String op, Flowable<Event> events) {
    return checked(op, events)
        .toList()
        .map(
            all -> {
              List<JsonNode> records = new ArrayList<>();
              Map<String, JsonNode> out = new LinkedHashMap<>();
              for (Event e : all) {
                if (e instanceof Record r) {
                  records.add(r.value());
                } else if (e instanceof OutParam o) {
                  out.put(o.name(), o.value());
                }
              }
              return new Answer(records, out);
            });
  }

  /** Fails the stream on a result that is not a success, before any of its records. */
  private static Flowable<Event> checked(String op, Flowable<Event> events) {
    return events.concatMap(
        e -> {
          if (e instanceof Outcome o
              && o.status() != null
              && !AccountsIqErrors.success(o.status())) {
            return Flowable.error(failure(op, o));
          }
          if (e instanceof Fault f) {
            return Flowable.error(
                new ProviderCallException(
                    AccountsIqErrors.ofFault(f.code()),
                    "AccountsIQ " + op + " answered a SOAP fault: " + f.message(),
                    Json.object().put("faultcode", f.code()).put("faultstring", f.message()),
                    null,
                    null));
          }
          return Flowable.just(e);
        });
  }

  static ProviderCallException failure(String op, Outcome o) {
    ObjectNode provider =
        Json.object()
            .put("status", o.status())
            .put("errorCode", o.errorCode())
            .put("errorMessage", o.errorMessage())
            .put("hasExpired", o.hasExpired());
    return new ProviderCallException(
        AccountsIqErrors.of(o.status(), o.errorCode(), o.hasExpired()),
        "AccountsIQ "
            + op
            + ": "
            + o.status()
            + (o.errorCode() == null ? "" : " " + o.errorCode())
            + (o.errorMessage() == null || o.errorMessage().isBlank()
                ? ""
                : " (" + o.errorMessage() + ")"),
        provider,
        null,
        null);
  }

  Completable close() {
    return dev.switchboard.http.Rx.completable(httpClient::close);
  }
}
