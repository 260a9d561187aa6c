package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.accengage.AccengageSettings.ExpectContinueMode;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The load balancer in front of the API: "HTTP(S) load balancing does not support HTTP/1.1 100
 * Continue response" (seed doc, CERTAIN). What it then does is unknown, so it is a setting; the
 * default rejects with a load-balancer page (not the API's JSON), before the API sees anything. A
 * connector must never send {@code Expect: 100-continue}.
 */
final class ExpectContinueGuard {
  private static final String PAGE =
      "<html><head><title>417 Expectation Failed</title></head><body><h1>Expectation Failed</h1></body></html>\n";
  private final ExpectContinueMode mode;
  private final StatsCounters counters;

  ExpectContinueGuard(ExpectContinueMode mode, StatsCounters counters) {
    this.mode = mode;
    this.counters = counters;
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String expect = req.getHeader("Expect");
    if (expect == null || !expect.trim().equalsIgnoreCase("100-continue")) {
      ctx.next();
      return;
    }
    switch (mode) {
      case REJECT_417 -> {
        counters.expectContinueRejected.increment();
        HttpServerResponse r =
            ctx.response()
                .setStatusCode(417)
                .putHeader("Content-Type", "text/html")
                .putHeader("Connection", "close");
        r.end(PAGE).onComplete(done -> req.connection().close());
      }
      case HONOUR -> {
        ctx.response().writeContinue();
        ctx.next();
      }
      case NEVER_CONTINUE -> ctx.next(); // waits for a body the client holds back until it gives up
    }
  }
}
