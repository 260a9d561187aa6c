package dev.switchboard.accountsiq;

/**
 * Where an operation's answer keeps its data (provider-apis.md §1.5): the WSResult hierarchy puts
 * Status, ErrorCode, ErrorMessage, HasExpired before an optional Result; the 2.0 token type
 * (WSResult3) puts Result first; Login answers a bare string.
 */
enum ResultShape {
  /** {@code Result/<Entity>*}: each child a record, streamed as parsed. */
  LIST,
  /** {@code Result} is one record. */
  OBJECT,
  /** {@code Result} is a value (WSResult2OfString, OfBoolean). */
  SCALAR,
  /** No Result (WSResultStatus); out-parameters may follow. */
  NONE,
  /** {@code <Op>Result} itself is the value and has no status (1.1 Login). */
  BARE,
  /** {@code Result} is one record and the status follows it (2.0 TokenGet/TokenRefresh). */
  TRAILING_STATUS;

  boolean scalarAt4() {
    return this == BARE;
  }

  boolean resultIsRecord() {
    return this == OBJECT || this == TRAILING_STATUS;
  }

  /** Whether the status is complete when {@code Result} starts. */
  boolean statusFirst() {
    return this != TRAILING_STATUS && this != BARE;
  }
}
