package dev.switchboard.accountsiq;

import dev.switchboard.error.ErrorClassifier;
import dev.switchboard.error.ProviderCallException;
import dev.switchboard.error.Resolution;
import dev.switchboard.http.ProviderHttp;
import dev.switchboard.http.Rx;
import dev.switchboard.json.Json;
import dev.switchboard.trace.CommandTrace;
import io.reactivex.rxjava3.core.BackpressureStrategy;
import io.reactivex.rxjava3.core.Flowable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * One SOAP exchange, streamed: the answer's bytes are fed to a {@link SoapResponseParser} as they
 * arrive and its events flow on demand — the HTTP response is paused and read one chunk per
 * request, so a slow consumer slows the provider read and memory stays flat.
 *
 * <p>Why not {@link ProviderHttp#exchange}: its {@code WebClient} holds a whole body in memory
 * before it answers, and an AccountsIQ list is one SOAP document of any size. So the bytes go
 * through a plain Vert.x {@link HttpClient}; everything else is the shared layer's: each call is
 * measured ({@link ProviderHttp#observe}), gated and retried ({@code ProviderHttp.retrying}), and
 * times out after the connection's request timeout without a byte.
 */
final class SoapTransport {
  private final HttpClient http;
  private final ProviderHttp shared;
  private final ErrorClassifier httpErrors = ErrorClassifier.HTTP_DEFAULT;

  SoapTransport(HttpClient http, ProviderHttp shared) {
    this.http = http;
    this.shared = shared;
  }

  /** Cold: each subscription posts the envelope again. */
  Flowable<SoapResponseParser.Event> exchange(
      String endpoint, String operation, byte[] envelope, ResultShape shape, CommandTrace trace) {
    return Flowable.defer(
        () -> {
          SoapResponseParser parser = new SoapResponseParser(shape);
          RequestOptions options =
              new RequestOptions()
                  .setMethod(HttpMethod.POST)
                  .setAbsoluteURI(endpoint)
                  .setIdleTimeout(shared.requestTimeoutMs())
                  .putHeader("Content-Type", "text/xml; charset=utf-8")
                  .putHeader("SOAPAction", SoapRequest.action(operation));
          trace.inject(options::putHeader);
          long start = System.nanoTime();
          return Rx.single(
                  () ->
                      http.request(options)
                          .compose(req -> req.send(Buffer.buffer(envelope)))
                          .map(
                              resp -> {
                                resp.pause(); // nothing flows until the stream is asked for it
                                shared.observe(operation, String.valueOf(resp.statusCode()), start);
                                return resp;
                              }))
              .onErrorResumeNext(
                  t -> {
                    shared.observe(operation, "error", start);
                    return io.reactivex.rxjava3.core.Single.error(transport(operation, t));
                  })
              .flatMapPublisher(resp -> body(operation, resp, parser));
        });
  }

  private Flowable<SoapResponseParser.Event> body(
      String operation, HttpClientResponse resp, SoapResponseParser parser) {
    int status = resp.statusCode();
    // ASMX answers faults with 500 and a SOAP body: parse those too. Anything else is HTTP's.
    if (status != 200 && status != 500) {
      Resolution r = httpErrors.ofStatus(status);
      return Flowable.error(
          new ProviderCallException(
              r,
              "AccountsIQ " + operation + " answered HTTP " + status,
              Json.object().put("status", status),
              null,
              null));
    }
    Flowable<Buffer> chunks =
        Flowable.<Buffer>create(
                e -> {
                  resp.handler(e::onNext);
                  resp.exceptionHandler(e::onError);
                  resp.endHandler(v -> e.onComplete());
                },
                BackpressureStrategy.BUFFER)
            .doOnRequest(resp::fetch);
    return chunks
        .concatMapIterable(b -> parse(operation, () -> parser.feed(b.getBytes())), 1)
        .concatWith(Flowable.defer(() -> Flowable.fromIterable(parse(operation, parser::end))))
        .onErrorResumeNext(
            t -> Flowable.error(t instanceof ProviderCallException ? t : transport(operation, t)));
  }

  private interface Step {
    List<SoapResponseParser.Event> run() throws XMLStreamException;
  }

  private static List<SoapResponseParser.Event> parse(String operation, Step step) {
    try {
      return step.run();
    } catch (XMLStreamException e) {
      // Includes refused DTDs and entities: never retried, always reported.
      throw ProviderCallException.badResponse(
          "accountsiq", operation, "unreadable XML: " + firstLine(e.getMessage()), false);
    }
  }

  private ProviderCallException transport(String operation, Throwable t) {
    return new ProviderCallException(
        httpErrors.ofTransport(t),
        "AccountsIQ " + operation + " failed: " + t.getClass().getSimpleName(),
        null,
        null,
        t);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
