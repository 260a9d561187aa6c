package dev.switchboard.sandbox.accountsiq;

import io.vertx.core.buffer.Buffer;

/**
 * Applies a scenario's faults to one call. Before the operation runs: rate limit, SOAP fault,
 * unknown error code, XXE payload — nothing is applied then. After it ran: {@code
 * dropConnectionAfterWrite}, which is the point of that fault: the write IS applied, only the
 * answer is lost.
 */
final class ScenarioFaults {
  /** What to answer instead of running the operation. */
  sealed interface Injected permits Reply, Fault, Raw {}

  record Reply(OpReply reply) implements Injected {}

  record Fault(SoapFault fault) implements Injected {}

  /** A body sent as is, HTTP 200. */
  record Raw(Buffer body) implements Injected {}

  private final StatsCounters counters;

  ScenarioFaults(StatsCounters counters) {
    this.counters = counters;
  }

  /** The injected answer for this call, or null to run the operation. */
  Injected before(SoapOperation op, TenantState t, AccountsIqScenario s) {
    AccountsIqScenario.RateLimit rl = s.rateLimit();
    String limited = rl == null || rl.operation() == null ? "*" : rl.operation();
    if (rl != null && matches(limited, op) && t.fire("rateLimit#" + limited, rl.times())) {
      counters.faults.injected();
      // ASSUMPTION (§1.9): throttling answers HTTP 200 in-band; the code is CERTAIN to exist.
      return new Reply(
          OpReply.failure("OAUTH_INTEGRATION_APPS_RATE_LIMIT_REACHED", "Rate limit reached."));
    }
    AccountsIqScenario.OperationFault sf = s.soapFault();
    if (sf != null
        && matches(sf.operation(), op)
        && t.fire("soapFault#" + sf.operation(), sf.times())) {
      counters.faults.injected();
      return new Fault(
          SoapFault.server(
              "Server was unable to process request. ---> Object reference not set to an "
                  + "instance of an object."));
    }
    AccountsIqScenario.UnknownErrorCode uc = s.unknownErrorCode();
    if (uc != null
        && matches(uc.operation(), op)
        && t.fire("unknownErrorCode#" + uc.operation(), uc.times())) {
      counters.faults.injected();
      return new Reply(
          OpReply.failure(uc.code(), "Simulated error code outside every published list."));
    }
    AccountsIqScenario.OperationFault xxe = s.xxePayload();
    if (xxe != null
        && matches(xxe.operation(), op)
        && t.fire("xxePayload#" + xxe.operation(), xxe.times())) {
      counters.faults.injected();
      return new Raw(xxeBody(op));
    }
    return null;
  }

  /** True if the connection must now be closed without an answer. */
  boolean dropAfter(SoapOperation op, TenantState t, AccountsIqScenario s) {
    AccountsIqScenario.OperationFault d = s.dropConnectionAfterWrite();
    if (d == null
        || !matches(d.operation(), op)
        || !t.fire("dropConnectionAfterWrite#" + d.operation(), d.times())) {
      return false;
    }
    counters.faults.injected();
    counters.connectionsDropped.increment();
    return true;
  }

  /**
   * {@code "*"} matches every operation but Login, TokenGet and TokenRefresh, which must be named.
   */
  static boolean matches(String pattern, SoapOperation op) {
    return pattern.equals(op.name())
        || ("*".equals(pattern) && op.access() != SoapOperation.Access.CREDENTIALS);
  }

  /**
   * A response that declares an external entity and references it: a client must refuse to parse
   * it.
   */
  static Buffer xxeBody(SoapOperation op) {
    String inner =
        op.shape().result() == OpShape.Result.LOGIN
            ? "<LoginResult>&xxe;</LoginResult>"
            : "<"
                + op.name()
                + "Result><Status>Success</Status><ErrorCode>SUCCESS</ErrorCode><ErrorMessage>&xxe;"
                + "</ErrorMessage><HasExpired>false</HasExpired></"
                + op.name()
                + "Result>";
    String response = op.name() + "Response";
    return Buffer.buffer(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<!DOCTYPE soap:Envelope [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
            + "<soap:Envelope xmlns:soap=\""
            + Soap.ENVELOPE_NS
            + "\" xmlns:xsi=\""
            + Soap.XSI
            + "\" xmlns:xsd=\""
            + Soap.XSD
            + "\"><soap:Body><"
            + response
            + " xmlns=\""
            + Soap.NS
            + "\">"
            + inner
            + "</"
            + response
            + "></soap:Body></soap:Envelope>");
  }
}
