package dev.switchboard.sandbox.accountsiq;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts an {@link OpReply} on the wire in the operation's {@link OpShape}: {@code
 * <OpResponse><OpResult>Status, ErrorCode, ErrorMessage?, HasExpired, Result?</OpResult>
 * <outParam/>...</OpResponse>} (element order CERTAIN, §1.5), HTTP 200 for business errors too.
 */
final class ReplyWriter {
  private final AccountsIqSettings settings;
  private final StatsCounters counters;

  ReplyWriter(AccountsIqSettings settings, StatsCounters counters) {
    this.settings = settings;
    this.counters = counters;
  }

  void send(RoutingContext ctx, SoapOperation op, OpReply reply) {
    HttpServerResponse res = ctx.response();
    if (res.ended() || res.closed()) return;
    res.setStatusCode(200).putHeader("Content-Type", Soap.CONTENT_TYPE);
    switch (op.shape().result()) {
      case LOGIN -> login(ctx, reply);
      case TOKENS -> tokens(ctx, op, reply);
      default -> standard(ctx, op, reply);
    }
  }

  void fault(RoutingContext ctx, SoapFault f) {
    counters.soapFaults.increment();
    HttpServerResponse res = ctx.response();
    if (res.ended() || res.closed()) return;
    res.setStatusCode(500).putHeader("Content-Type", Soap.CONTENT_TYPE).end(f.envelope());
  }

  private void standard(RoutingContext ctx, SoapOperation op, OpReply reply) {
    XmlOut x = new XmlOut(settings).begin(op.name() + "Response").start(op.name() + "Result");
    x.text("Status", reply.status).text("ErrorCode", reply.errorCode);
    if (reply.errorMessage != null) x.text("ErrorMessage", reply.errorMessage);
    else if (settings.nullStrings() == AccountsIqSettings.NullStrings.NIL) x.nil("ErrorMessage");
    x.text("HasExpired", Boolean.toString(reply.hasExpired));
    Runnable tail =
        () -> {
          x.end();
          for (String p : op.shape().outParams()) x.text(p, reply.outParams.getOrDefault(p, "0"));
          x.finish();
        };
    OpReply.Body body = reply.body;
    if (body == null && op.shape().result() == OpShape.Result.BOOLEAN)
      body = new OpReply.Text("false");
    if (body instanceof OpReply.Many many) {
      new ListStream(ctx, x, many.itemElement(), many.items(), tail, counters)
          .start(settings.emptyList());
      return;
    }
    if (body instanceof OpReply.Text t && t.value() != null) x.text("Result", t.value());
    else if (body instanceof OpReply.One one) x.start("Result").fields(one.record()).end();
    tail.run();
    ctx.response().end(x.take());
  }

  /**
   * {@code LoginResult} is the bare token; a refusal follows {@link
   * AccountsIqSettings#loginFailure()}.
   */
  private void login(RoutingContext ctx, OpReply reply) {
    XmlOut x = new XmlOut(settings).begin("LoginResponse");
    if (reply.body instanceof OpReply.Text t) {
      x.text("LoginResult", t.value());
    } else {
      switch (settings.loginFailure()) {
        case EMPTY_RESULT -> x.empty("LoginResult");
        case SOAP_FAULT -> {
          fault(
              ctx,
              SoapFault.server("Server was unable to process request. ---> Invalid credentials."));
          return;
        }
        case EMPTY_RESPONSE -> {}
      }
    }
    ctx.response().end(x.finish().take());
  }

  /**
   * {@code WSResult3}: Result first, then Status, ErrorCode, ErrorMessage, and no HasExpired
   * (§1.4).
   */
  private void tokens(RoutingContext ctx, SoapOperation op, OpReply reply) {
    XmlOut x = new XmlOut(settings).begin(op.name() + "Response").start(op.name() + "Result");
    if (reply.body instanceof OpReply.Tokens t) {
      x.start("Result")
          .text("AccessToken", t.accessToken())
          .text("RefreshToken", t.refreshToken())
          .end();
    }
    x.text("Status", reply.status).text("ErrorCode", reply.errorCode);
    if (reply.errorMessage != null) x.text("ErrorMessage", reply.errorMessage);
    ctx.response().end(x.end().finish().take());
  }
}
