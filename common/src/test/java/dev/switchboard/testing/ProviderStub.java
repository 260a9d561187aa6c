package dev.switchboard.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that answers every request the same way, whatever the path: refused (401), broken
 * (500), or 200 with a body no parser takes. It counts what it was asked, so a test can tell that
 * no call was made. {@link #close()} leaves its port refusing connections.
 */
public final class ProviderStub implements AutoCloseable {
  /** How every request is answered. */
  public enum Answer {
    REFUSED(401, "{\"error\":\"refused\",\"Message\":\"Authorization has been denied.\"}"),
    BROKEN(500, "{\"Message\":\"An error has occurred.\"}"),
    GARBAGE(200, "<not json{ and not xml");

    final int status;
    final String body;

    Answer(int status, String body) {
      this.status = status;
      this.body = body;
    }
  }

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Answer answer = Answer.REFUSED;

  private ProviderStub(Vertx vertx) throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  requests.incrementAndGet();
                  Answer a = answer;
                  req.response()
                      .setStatusCode(a.status)
                      .putHeader("content-type", "application/json")
                      .end(a.body);
                });
    RuntimeHarness.await(server.listen(0, "127.0.0.1"));
  }

  public static ProviderStub start(Vertx vertx) throws Exception {
    return new ProviderStub(vertx);
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public void answer(Answer a) {
    answer = a;
  }

  /** Requests received so far. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() throws Exception {
    RuntimeHarness.await(server.close());
  }
}
