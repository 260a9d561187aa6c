package dev.switchboard.sandbox.accountsiq;

import java.util.Set;

/**
 * One simulated SOAP operation: where it is served, what it needs, what it answers.
 *
 * @param name the request element and SOAPAction suffix, e.g. {@code GetCustomer}
 * @param versions endpoints serving it ({@code Login} is 1.1 only, {@code TokenGet} 2.0 only)
 * @param access what the caller must present
 * @param shape the answer's type
 * @param handler the behaviour
 */
record SoapOperation(
    String name, Set<ApiVersion> versions, Access access, OpShape shape, Handler handler) {

  /** Authentication and permission an operation needs. */
  enum Access {
    /** Login, TokenGet, TokenRefresh: credentials in the body. */
    CREDENTIALS,
    /** A valid token but no entity ({@code GetEntitiesByToken}). */
    TOKEN,
    /** "Read Permission Required." (2.0 WSDL documentation). */
    READ,
    /** "Write Permission Required.": a read-only 2.0 app is refused. */
    WRITE
  }

  /** The behaviour of an operation. */
  interface Handler {
    OpReply handle(OpCall call);
  }

  static final Set<ApiVersion> BOTH = Set.of(ApiVersion.V1_1, ApiVersion.V2_0);
}
