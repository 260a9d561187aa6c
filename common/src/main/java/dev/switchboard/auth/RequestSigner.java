package dev.switchboard.auth;

import java.util.Map;

/**
 * Signs one HTTP request attempt. Implementations are pure functions of the request and the clock:
 * call it once per attempt (every retry or replay is re-signed with a fresh time), and send exactly
 * the {@code body} bytes that were signed.
 */
@FunctionalInterface
public interface RequestSigner {
  /**
   * @param method HTTP method, upper case
   * @param body the exact bytes that will be sent; empty for GET and DELETE
   * @return headers to add to this attempt
   */
  Map<String, String> sign(String method, byte[] body);
}
