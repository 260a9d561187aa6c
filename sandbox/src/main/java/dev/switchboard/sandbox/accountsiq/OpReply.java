package dev.switchboard.sandbox.accountsiq;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation answers, independent of its wire shape ({@link OpShape}): the result envelope
 * (Status, ErrorCode, ErrorMessage, HasExpired — §1.5), an optional result body and the
 * out-parameters. {@code applied} marks a write that changed stored data (stats, and the point
 * after which {@code dropConnectionAfterWrite} cuts the connection).
 */
final class OpReply {
  /** The content of {@code <Result>}. */
  sealed interface Body permits Text, One, Many, Tokens {}

  /** A string/boolean result. */
  record Text(String value) implements Body {}

  /** One record whose elements are the children of {@code <Result>}. */
  record One(AccountsIqRecord record) implements Body {}

  /** A list: {@code <Result><item>..</item>...</Result>}, generated lazily and streamed. */
  record Many(String itemElement, Iterator<AccountsIqRecord> items) implements Body {}

  /** {@code TokenGet}/{@code TokenRefresh}: {@code Result{AccessToken, RefreshToken}}. */
  record Tokens(String accessToken, String refreshToken) implements Body {}

  final String status;
  final String errorCode;
  final String errorMessage;
  final boolean hasExpired;
  final Body body;
  final Map<String, String> outParams = new LinkedHashMap<>();
  boolean applied;

  private OpReply(
      String status, String errorCode, String errorMessage, boolean hasExpired, Body body) {
    this.status = status;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.hasExpired = hasExpired;
    this.body = body;
  }

  static OpReply success(Body body) {
    return new OpReply("Success", "SUCCESS", null, false, body);
  }

  /** A save that created a new object (wiki: "Created"). */
  static OpReply created(Body body) {
    return new OpReply("Created", "SUCCESS", null, false, body).applied();
  }

  static OpReply failure(String errorCode, String message) {
    return new OpReply("Failure", errorCode, message, false, null);
  }

  static OpReply of(String status, String errorCode, String message, Body body) {
    return new OpReply(status, errorCode, message, false, body);
  }

  /**
   * An expired/invalid session or token: {@code Failure} with {@code HasExpired=true}, no Result.
   */
  static OpReply expired(String errorCode, String message) {
    return new OpReply("Failure", errorCode, message, true, null);
  }

  OpReply out(String name, long value) {
    outParams.put(name, Long.toString(value));
    return this;
  }

  OpReply applied() {
    this.applied = true;
    return this;
  }

  boolean succeeded() {
    return "Success".equals(status) || "Created".equals(status);
  }
}
