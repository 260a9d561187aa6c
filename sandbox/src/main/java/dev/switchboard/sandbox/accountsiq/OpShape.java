package dev.switchboard.sandbox.accountsiq;

import java.util.List;

/**
 * The shape of an operation's answer, from the WSDL, so that every reply — including auth failures
 * and injected faults — comes in the operation's own type.
 *
 * @param result what {@code <Op>Result} is
 * @param outParams out-parameter siblings written AFTER {@code <Op>Result} ({@code invoiceID},
 *     {@code transactionID}); all are {@code minOccurs=1 int}, so always present: a reply that sets
 *     none (a failure) gets {@code 0}
 */
record OpShape(Result result, List<String> outParams) {

  /** The {@code <Op>Result} type. */
  enum Result {
    /** {@code WSResultStatus}: Status, ErrorCode, ErrorMessage?, HasExpired. */
    STATUS,
    /** {@code WSResult2Of<T>} with a reference type T: {@code Result} is {@code minOccurs=0}. */
    OPTIONAL,
    /**
     * {@code WSResult2OfBoolean}: {@code Result} is {@code minOccurs=1}, so failures carry {@code
     * false}.
     */
    BOOLEAN,
    /** {@code Login}: {@code LoginResult} is the bare token string. */
    LOGIN,
    /**
     * {@code WSResult3OfTokenGetResponse}: Result{AccessToken, RefreshToken}, Status, ErrorCode,
     * ErrorMessage.
     */
    TOKENS
  }

  static final OpShape STATUS = new OpShape(Result.STATUS, List.of());
  static final OpShape OPTIONAL = new OpShape(Result.OPTIONAL, List.of());
  static final OpShape BOOLEAN = new OpShape(Result.BOOLEAN, List.of());
  static final OpShape LOGIN = new OpShape(Result.LOGIN, List.of());
  static final OpShape TOKENS = new OpShape(Result.TOKENS, List.of());

  static OpShape statusWith(String outParam) {
    return new OpShape(Result.STATUS, List.of(outParam));
  }

  static OpShape optionalWith(String outParam) {
    return new OpShape(Result.OPTIONAL, List.of(outParam));
  }

  /** Has a HasExpired element (every WSResultStatus-derived type). */
  boolean hasExpiredFlag() {
    return result == Result.STATUS || result == Result.OPTIONAL || result == Result.BOOLEAN;
  }
}
