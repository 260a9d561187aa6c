package dev.switchboard.sandbox.iqreseller;

/** A query parameter the service cannot bind; answered 400 {@code {"Message":...}} (ASSUMPTION). */
final class BadParam extends Exception {
  private static final long serialVersionUID = 1L;

  BadParam(String message) {
    super(message, null, false, false);
  }
}
