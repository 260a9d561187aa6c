package dev.switchboard.spi;

/**
 * A credential. {@link #toString()} never shows it, so a secret that slips into a log line, an
 * exception message or a metric label shows up as {@code ***}.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = value;
  }

  /** The real value: only for building the provider request that needs it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "***";
  }
}
