package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.FaultDice;
import dev.switchboard.sandbox.RandomFaults;
import dev.switchboard.sandbox.kit.RequestLog;
import dev.switchboard.sandbox.kit.SecretTag;
import dev.switchboard.sandbox.kit.Unanswered;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code .asmx} endpoint: content type, envelope, dispatch, authentication, scenario, the
 * operation, the answer. Order matters: an unreadable or unroutable request is a fault before any
 * auth check (ASMX binds before it invokes), latency is a timer (never blocking the event loop),
 * injected faults happen before the operation runs and a dropped connection after it.
 */
final class SoapEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(SoapEndpoint.class);

  /**
   * Everything an endpoint needs, shared by both. {@code anonymous} keeps the scenario bookkeeping
   * of calls that name no known tenant (a Login with unknown keys); it can never authenticate.
   */
  record Parts(
      SoapDispatch dispatch,
      AuthGate auth,
      AuthOperations authOps,
      TenantState anonymous,
      ScenarioFaults faults,
      ReplyWriter writer,
      StatsCounters counters,
      AccountsIqSettings settings,
      Clock clock,
      OperationCatalog catalog) {}

  private final ApiVersion version;
  private final Parts p;
  private final Supplier<String> address;

  /**
   * @param address this endpoint's URL, for the WSDL's soap:address
   */
  SoapEndpoint(ApiVersion version, Parts parts, Supplier<String> address) {
    this.version = version;
    this.p = parts;
    this.address = address;
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (req.method() == HttpMethod.GET) {
      boolean wsdl = req.query() != null && req.query().toLowerCase(Locale.ROOT).startsWith("wsdl");
      ctx.response()
          .putHeader("Content-Type", wsdl ? Soap.CONTENT_TYPE : "text/html; charset=utf-8")
          .end(wsdl ? Wsdl.of(version, p.catalog(), address.get()) : helpPage());
      return;
    }
    if (req.method() != HttpMethod.POST) {
      ctx.response().setStatusCode(405).putHeader("Allow", "GET, POST").end();
      return;
    }
    String contentType = req.getHeader("Content-Type");
    if (contentType == null
        || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("text/xml")) {
      // LIKELY ASMX answer to anything but SOAP 1.1 (this simulator does not serve the soap12
      // binding).
      ctx.response()
          .setStatusCode(500)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("System.InvalidOperationException: Request format is invalid: " + contentType + ".");
      return;
    }
    AccountsIqScenario header;
    try {
      header = AccountsIqScenario.JSON.fromHeader(ctx);
    } catch (IllegalArgumentException e) {
      ctx.response()
          .setStatusCode(400)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(e.getMessage());
      return;
    }
    SoapRequest soap;
    SoapOperation op;
    try {
      soap =
          SoapRequest.parse(
              ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
      op = p.dispatch().resolve(version, req.getHeader("SOAPAction"), soap.operation());
    } catch (SoapFault f) {
      RequestLog.note(ctx, "outcome", f.faultCode);
      p.writer().fault(ctx, f);
      return;
    }
    RequestLog.note(ctx, "op", op.name());
    p.counters().calls.add(op.name());
    AuthGate.Caller caller;
    if (op.access() == SoapOperation.Access.CREDENTIALS) {
      caller = new AuthGate.Caller(p.authOps().tenantOf(op, soap.operation()), null, null);
    } else {
      caller = p.auth().authenticate(op, version, soap, header);
      RequestLog.note(ctx, "token", SecretTag.of(AuthGate.tokenOf(version, soap)));
    }
    TenantState tenant = caller.tenant();
    if (tenant != null) RequestLog.note(ctx, "tenant", tenant.key());
    AccountsIqScenario scenario =
        (tenant == null ? AccountsIqScenario.none() : tenant.scenario()).overriddenBy(header);
    long delay = scenario.delayMsFor(op.name());
    SoapRequest request = soap;
    if (delay > 0) ctx.vertx().setTimer(delay, t -> respond(ctx, op, request, caller, scenario));
    else respond(ctx, op, request, caller, scenario);
  }

  private void respond(
      RoutingContext ctx,
      SoapOperation op,
      SoapRequest soap,
      AuthGate.Caller caller,
      AccountsIqScenario scenario) {
    String writeKey =
        op.access() == SoapOperation.Access.WRITE ? WriteKeys.of(op, soap.operation()) : null;
    if (writeKey != null) p.counters().writes.arrived(writeKey);
    if (caller.refusal() != null) {
      RequestLog.note(ctx, "outcome", caller.refusal().errorCode);
      p.writer().send(ctx, op, caller.refusal());
      return;
    }
    TenantState books = caller.tenant() != null ? caller.tenant() : p.anonymous();
    FaultDice dice = books.dice(scenario.randomFaults());
    boolean authCall = op.access() == SoapOperation.Access.CREDENTIALS;
    FaultDice.Call fate = dice == null ? FaultDice.Call.SERVE : dice.roll(authCall);
    if (fate != FaultDice.Call.SERVE && randomFault(ctx, op, fate, dice.faults())) return;
    ScenarioFaults.Injected injected = p.faults().before(op, books, scenario);
    if (injected != null) {
      RequestLog.note(ctx, "outcome", "injected");
      if (injected instanceof ScenarioFaults.Reply r) p.writer().send(ctx, op, r.reply());
      else if (injected instanceof ScenarioFaults.Fault f) p.writer().fault(ctx, f.fault());
      else if (injected instanceof ScenarioFaults.Raw raw) {
        ctx.response().putHeader("Content-Type", Soap.CONTENT_TYPE).end(raw.body());
      }
      return;
    }
    OpReply reply;
    try {
      reply =
          op.handler()
              .handle(
                  new OpCall(
                      op,
                      version,
                      soap.operation(),
                      caller.tenant(),
                      caller.store(),
                      scenario,
                      p.settings(),
                      p.clock()));
    } catch (SoapFault f) {
      p.writer().fault(ctx, f);
      return;
    } catch (RuntimeException e) {
      LOG.warn("AccountsIQ operation {} failed", op.name(), e);
      p.writer()
          .fault(
              ctx,
              SoapFault.server("Server was unable to process request. ---> " + e.getMessage()));
      return;
    }
    String key =
        !reply.applied ? null : writeKey != null ? writeKey : WriteKeys.of(op, soap.operation());
    if (reply.applied) p.counters().writeApplied(op.name(), key);
    RequestLog.note(ctx, "outcome", reply.errorCode);
    boolean drop = p.faults().dropAfter(op, books, scenario);
    if (!drop && reply.applied && dice != null && dice.loseAnswer()) {
      p.counters().faults.random(FaultDice.LOST_ANSWER);
      p.counters().connectionsDropped.increment();
      drop = true;
    }
    if (drop) {
      if (reply.applied) p.counters().writes.answerLost(key);
      RequestLog.note(ctx, "outcome", "dropped");
      ctx.request().connection().close();
      return;
    }
    p.writer().send(ctx, op, reply);
  }

  /**
   * Answers a call the random fault mode picked, before it runs (nothing is applied): a {@code
   * soap:Server} fault with HTTP 500 (ASMX, LIKELY, §1.5), in-band throttling on the 2.0 endpoint
   * (§1.9 ASSUMPTION), or no answer in time. Returns false when the call is to be served after all:
   * 1.1 has no rate limit ("There is no rate limit.", §1.9).
   */
  private boolean randomFault(
      RoutingContext ctx, SoapOperation op, FaultDice.Call fate, RandomFaults faults) {
    if (fate == FaultDice.Call.RATE_LIMIT && version == ApiVersion.V1_1) return false;
    p.counters().faults.random(FaultDice.kind(fate));
    RequestLog.note(ctx, "outcome", "random-" + FaultDice.kind(fate));
    switch (fate) {
      case SERVER_ERROR ->
          p.writer()
              .fault(
                  ctx,
                  SoapFault.server(
                      "Server was unable to process request. ---> The service is temporarily unavailable."));
      case RATE_LIMIT ->
          p.writer()
              .send(
                  ctx,
                  op,
                  OpReply.failure(
                      "OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED", "Rate limit reached."));
      case TIMEOUT -> Unanswered.holdThenClose(ctx, faults.timeoutHoldMs());
      case SERVE -> throw new IllegalArgumentException("not a fault");
    }
    return true;
  }

  private String helpPage() {
    StringBuilder b =
        new StringBuilder("<html><head><title>")
            .append(version.serviceName)
            .append(" Web Service</title></head><body><h1>")
            .append(version.serviceName)
            .append(
                "</h1><p>The following operations are supported (Switchboard sandbox).</p><ul>");
    for (SoapOperation op : p.catalog().all()) {
      if (op.versions().contains(version)) b.append("<li>").append(op.name()).append("</li>");
    }
    return b.append("</ul></body></html>").toString();
  }
}
