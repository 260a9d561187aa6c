package dev.switchboard.error;

/** What to do about a failed provider call. */
public enum Action {
  /** Transient: back off and try again (reads and idempotent writes only). */
  RETRY,
  /** Throttled: wait for {@code Retry-After} or back off, then try again. */
  RATE_LIMITED,
  /** The credential expired: get a new one and try once more. */
  REFRESH_AUTH_THEN_RETRY,
  /** Give up and report. */
  FAIL
}
